-- Indicator quality per position of a document, the lowest score first: the position's indicators,
-- its score (the mean of its indicators' scores) and how many meet every criterion; one page at a time
-- ($mulai rows skipped, at most $baris rows; $baris NULL for all), with how many positions there are in
-- all (`jumlah`). Parameters: the shared filters ($filter), $mulai, $baris.
SELECT kecamatan, kabupaten, tahun, jabatan_urutan, any_value(jabatan_baku) AS jabatan_baku,
       any_value(jabatan) AS jabatan, any_value(jenis_jabatan) AS jenis_jabatan, count(*) AS indikator,
       round(avg(skor), 1) AS skor, count(*) FILTER (WHERE skor = 100) AS lolos_semua,
       count(*) OVER () AS jumlah
FROM kualitas_terfilter($filter)
GROUP BY kecamatan, kabupaten, tahun, jabatan_urutan
ORDER BY skor, kecamatan, kabupaten, tahun, jabatan_urutan
LIMIT $baris OFFSET $mulai
