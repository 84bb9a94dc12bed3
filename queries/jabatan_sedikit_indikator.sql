-- Positions whose tables are empty or thin (at most $batas indicators), fewest first, then by place and
-- document order; one page at a time ($mulai rows skipped, at most $baris rows; $baris NULL for all of
-- them, the download). jumlah_jabatan_sedikit.sql counts them.
-- Parameters: the shared filters ($filter), $batas (INTEGER), $mulai, $baris.
SELECT kecamatan, kabupaten, tahun, jabatan_urutan, jabatan_baku, jenis_jabatan, bidang, jumlah_indikator
FROM jabatan_terfilter($filter)
WHERE jumlah_indikator <= $batas
ORDER BY jumlah_indikator, kecamatan, kabupaten, tahun, jabatan_urutan
LIMIT $baris OFFSET $mulai
