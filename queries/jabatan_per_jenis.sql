-- Coverage per position type: for each place x jenis_jabatan, positions, positions with indicators,
-- indicators, indicators per position, and how many indicators are bertarget (queries/_ukuran.sql).
-- The place is the kecamatan, or the kabupaten/kota or provinsi at a summary level ($tingkat).
-- Parameters: the shared filters ($filter), $tingkat.
WITH posisi AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, jenis_jabatan,
           count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator,
           sum(jumlah_indikator)::INTEGER AS indikator,
           round(sum(jumlah_indikator) / count(*), 1) AS indikator_per_jabatan
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
), target AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, jenis_jabatan,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT p.*, coalesce(t.bertarget, 0) AS bertarget
FROM posisi p LEFT JOIN target t USING (wilayah, jenis_jabatan)
ORDER BY p.wilayah, p.jenis_jabatan
