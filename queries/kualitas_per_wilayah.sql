-- Indicator quality per place and criterion: how many indicators the place has, how many meet the
-- criterion (`lolos`) and their share (`persen`), the place's score (`skor`: the mean of its indicators'
-- scores) and how many of its indicators meet every criterion (`lolos_semua`), with the same over all
-- places (`semua`, `skor_semua`, `lolos_semua_semua`). The criteria are read from the table's
-- lolos_<key> columns, so a criterion the rules file adds needs no change here. The place is the
-- kecamatan, or the kabupaten/kota or provinsi at a summary level ($tingkat), with the region it lies in
-- (`induk`). Parameters: the shared filters ($filter), $tingkat.
WITH dinilai AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           skor, COLUMNS('^lolos_')
    FROM kualitas_terfilter($filter)
), per_kriteria AS (
    UNPIVOT dinilai ON COLUMNS('^lolos_') INTO NAME kriteria VALUE lolos
), per_tempat AS (
    SELECT wilayah, induk, count(*) AS indikator, avg(skor) AS skor, count(*) FILTER (WHERE skor = 100) AS lolos_semua
    FROM dinilai
    GROUP BY ALL
)
SELECT k.wilayah, k.induk, replace(k.kriteria, 'lolos_', '') AS kriteria, t.indikator, count_if(k.lolos) AS lolos,
       round(100.0 * count_if(k.lolos) / t.indikator, 1) AS persen, round(t.skor, 1) AS skor, t.lolos_semua,
       sum(t.indikator) OVER (PARTITION BY k.kriteria)::BIGINT AS semua,
       round(sum(t.skor * t.indikator) OVER (PARTITION BY k.kriteria) / sum(t.indikator) OVER (PARTITION BY k.kriteria), 1) AS skor_semua,
       sum(t.lolos_semua) OVER (PARTITION BY k.kriteria)::BIGINT AS lolos_semua_semua
FROM per_kriteria k JOIN per_tempat t USING (wilayah, induk)
GROUP BY k.wilayah, k.induk, k.kriteria, t.indikator, t.skor, t.lolos_semua
ORDER BY k.wilayah, k.induk, kriteria
