-- The mix of formula categories per place: indicators per kategori_formula and their share of the place,
-- with the place's indicators (`total`), its terukur indicators (queries/_ukuran.sql) and their share,
-- which the takeaway ranks, and the indicators and terukur indicators of all places (`semua`,
-- `semua_terukur`). The place is the kecamatan, or the kabupaten/kota or provinsi at a summary
-- level ($tingkat), with the region it lies in (`induk`, queries/_filter.sql), so two kecamatan of one
-- name stay two. One scan for the chart and its takeaway. Parameters: the shared filters ($filter), $tingkat.
WITH hitung AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           kategori_formula, count(*) AS indikator
    FROM indikator_terfilter($filter)
    GROUP BY ALL
), tempat AS (
    SELECT *, sum(indikator) OVER w AS total, coalesce(sum(indikator) FILTER (WHERE terukur(kategori_formula)) OVER w, 0) AS terukur
    FROM hitung
    WINDOW w AS (PARTITION BY wilayah, induk)
)
SELECT wilayah, induk, kategori_formula, indikator,
       round(100.0 * indikator / total, 1) AS persen,
       total::BIGINT AS total, terukur::BIGINT AS terukur, 100.0 * terukur / total AS persen_terukur,
       sum(indikator) OVER ()::BIGINT AS semua,
       coalesce(sum(indikator) FILTER (WHERE terukur(kategori_formula)) OVER (), 0)::BIGINT AS semua_terukur
FROM tempat
ORDER BY wilayah, induk, kategori_formula
