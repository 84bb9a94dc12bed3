-- The indicators with their quality, the lowest score first (then in the documents' order): where
-- each lies, its wording, `skor` and per criterion lolos_<key> and alasan_<key>; one page at a time
-- ($mulai rows skipped, at most $baris rows; $baris NULL for all, the command line's and the
-- download's table), with how many indicators there are in all (`jumlah`).
-- Parameters: the shared filters ($filter), $mulai, $baris.
SELECT indikator_id, kecamatan, kabupaten, tahun, jabatan_baku, jabatan, indikator, formula, skor,
       COLUMNS('^(lolos|alasan)_'), count(*) OVER () AS jumlah
FROM kualitas_terfilter($filter)
ORDER BY skor, kecamatan, kabupaten, tahun, urutan_baris
LIMIT $baris OFFSET $mulai
