-- Each indicator of the comparisons under the filters against its counterpart of the year before: one
-- comparison ($kabupaten_banding, $kecamatan_banding, $tahun_banding) or all of them ($kecamatan_banding
-- ''); only what changed something when $hanya_berubah (its wording, formula or target). In the later
-- document's order, a position's dropped indicators after its others. Parameters: $filter,
-- $kabupaten_banding, $kecamatan_banding, $tahun_banding, $hanya_berubah.
SELECT provinsi, kabupaten, kecamatan, tahun_sebelum, tahun, jabatan, jabatan_baku, jenis_perubahan,
       indikator_sebelum, indikator, skor_kemiripan, formula_sebelum, formula, rumus_berubah, target_sebelum,
       target_satuan_sebelum, target, target_satuan, gerak_target, selisih_target, indikator_id_sebelum, indikator_id,
       berubah
FROM antar_tahun_terfilter($filter)
WHERE ($kecamatan_banding = '' OR (kabupaten = $kabupaten_banding AND kecamatan = $kecamatan_banding
                                   AND tahun = $tahun_banding))
  AND (berubah OR NOT $hanya_berubah)
ORDER BY kabupaten, kecamatan, tahun, jabatan_urutan, jenis_perubahan = 'dihapus', urutan_baris
