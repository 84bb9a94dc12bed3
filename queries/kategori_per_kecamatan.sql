-- The mix of formula categories per kecamatan: indicators per kategori_formula and the share of the kecamatan.
-- Parameters: the shared filters ($filter).
WITH hitung AS (
    SELECT kecamatan, kategori_formula, count(*) AS indikator
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT kecamatan, kategori_formula, indikator,
       round(100.0 * indikator / sum(indikator) OVER (PARTITION BY kecamatan), 1) AS persen
FROM hitung
ORDER BY kecamatan, kategori_formula
