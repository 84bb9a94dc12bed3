-- Positions whose tables are empty or thin (at most $batas indicators), in document order.
-- Parameters: the shared filters ($kabupaten, $kecamatan, $tahun, $jenis, $bidang, $jabatan, $teks), $batas (INTEGER).
SELECT kecamatan, tahun, jabatan_urutan, jabatan_baku, jenis_jabatan, bidang, jumlah_indikator
FROM jabatan_terfilter($kabupaten, $kecamatan, $tahun, $jenis, $bidang, $jabatan, $teks)
WHERE jumlah_indikator <= $batas
ORDER BY jumlah_indikator, kecamatan, jabatan_urutan
