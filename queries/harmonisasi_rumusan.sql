-- How each place words and targets each cluster of one position ($jabatan_klaster; '' for every
-- position in two places or more): a row per indicator, the clusters in the order of
-- harmonisasi_klaster, then by place and year. Parameters: $filter, $porsi_standar, $jabatan_klaster.
SELECT i.jabatan_baku, i.klaster_id, i.klaster_nama, i.kecamatan, i.kabupaten, i.tahun, i.jabatan, i.indikator,
       i.formula, i.satuan, i.target, i.target_satuan, i.peringkat, i.skor_klaster, i.cara_klaster, i.rumusan
FROM klaster_terfilter($filter) i
JOIN klaster_tempat($filter, $porsi_standar) k USING (jabatan_baku, klaster_id)
WHERE i.jabatan_baku = $jabatan_klaster OR ($jabatan_klaster = '' AND k.tempat_jabatan >= 2)
ORDER BY k.tempat_jabatan DESC, i.jabatan_baku, k.tempat DESC, k.klaster_nama, k.klaster_id, i.kabupaten, i.kecamatan,
         i.tahun, i.urutan_baris
