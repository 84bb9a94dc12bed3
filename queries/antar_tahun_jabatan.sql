-- One comparison ($kabupaten_banding, $kecamatan_banding, $tahun_banding: the later year) per position, in
-- the later document's order (a position it has no more last): how many indicators were kept, reworded,
-- added and dropped, how many changed something, and whose target went up, down or stayed. Parameters:
-- $filter, $kabupaten_banding, $kecamatan_banding, $tahun_banding.
SELECT jabatan_baku, jabatan, tetap, diubah, ditambah, dihapus, berubah, target_naik, target_turun, target_sama
FROM perubahan_per_jabatan($filter)
WHERE kabupaten = $kabupaten_banding AND kecamatan = $kecamatan_banding AND tahun = $tahun_banding
ORDER BY urutan, jabatan_baku
