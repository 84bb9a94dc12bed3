-- Positions whose tables are empty or thin (at most $batas indicators), in document order.
-- Parameters: the shared filters ($filter), $batas (INTEGER).
SELECT kecamatan, tahun, jabatan_urutan, jabatan_baku, jenis_jabatan, bidang, jumlah_indikator
FROM jabatan_terfilter($filter)
WHERE jumlah_indikator <= $batas
ORDER BY jumlah_indikator, kecamatan, jabatan_urutan
