-- The mix of formula categories per position type, over the filtered kecamatan.
-- Parameters: the shared filters ($filter).
WITH hitung AS (
    SELECT jenis_jabatan, kategori_formula, count(*) AS indikator
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT jenis_jabatan, kategori_formula, indikator,
       round(100.0 * indikator / sum(indikator) OVER (PARTITION BY jenis_jabatan), 1) AS persen
FROM hitung
ORDER BY jenis_jabatan, kategori_formula
