-- The indicators whose sasaran supports no sasaran of the Camat or the Sekretaris although the document
-- has some, with the closest one and its score; the closest to the bar first, a page of $baris rows from $mulai
-- (`jumlah`: all of them). Parameters: $filter, $mulai, $baris.
WITH s AS (SELECT * FROM simpul_pohon($filter))
SELECT i.indikator_id, i.kecamatan, i.kabupaten, i.tahun, i.jabatan, i.jenis_jabatan, coalesce(i.sasaran, '') AS sasaran,
       i.indikator, coalesce(t.sasaran, '') AS terdekat_sasaran, coalesce(t.jabatan, '') AS terdekat_jabatan,
       y.skor_kaitan, y.cara_kaitan, count(*) OVER () AS jumlah
FROM s AS y
JOIN pohon p ON p.kabupaten = y.kabupaten AND p.simpul_id = y.simpul_id
JOIN indikator_terfilter($filter) i ON i.kabupaten = p.kabupaten AND i.indikator_id = p.indikator_id
LEFT JOIN s AS t ON t.kabupaten = y.kabupaten AND t.simpul_id = y.terdekat_id
WHERE y.yatim
ORDER BY y.skor_kaitan DESC NULLS LAST, i.kabupaten, i.kecamatan, i.tahun, i.urutan_baris
LIMIT $baris OFFSET $mulai
