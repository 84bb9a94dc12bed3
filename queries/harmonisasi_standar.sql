-- The proposed standard set: every cluster held by at least two places and $porsi_standar percent of
-- the places having its position, with how the places measure it most often: the unit, the formula
-- category and the formula written most (ties: the first alphabetically), and the targets set in the
-- most common target unit (median, lowest, highest). Parameters: $filter, $porsi_standar.
WITH k AS (SELECT * FROM klaster_tempat($filter, $porsi_standar) WHERE standar),
i AS (SELECT * FROM klaster_terfilter($filter) WHERE klaster_id IN (SELECT klaster_id FROM k)),
satuan AS (
    SELECT klaster_id, satuan FROM (SELECT klaster_id, satuan, count(*) AS n FROM i GROUP BY klaster_id, satuan)
    QUALIFY row_number() OVER (PARTITION BY klaster_id ORDER BY n DESC, satuan) = 1
),
kategori AS (
    SELECT klaster_id, kategori_formula
    FROM (SELECT klaster_id, kategori_formula, count(*) AS n FROM i GROUP BY klaster_id, kategori_formula)
    QUALIFY row_number() OVER (PARTITION BY klaster_id ORDER BY n DESC, kategori_formula) = 1
),
formula AS (
    SELECT klaster_id, formula
    FROM (SELECT klaster_id, formula, count(*) AS n FROM i WHERE trim(coalesce(formula, '')) <> '' GROUP BY klaster_id, formula)
    QUALIFY row_number() OVER (PARTITION BY klaster_id ORDER BY n DESC, formula) = 1
),
target AS (
    SELECT klaster_id, target_satuan, median(target) AS target_median, min(target) AS target_terendah,
           max(target) AS target_tertinggi, count(*) AS n
    FROM i WHERE target IS NOT NULL GROUP BY klaster_id, target_satuan
    QUALIFY row_number() OVER (PARTITION BY klaster_id ORDER BY count(*) DESC, target_satuan) = 1
)
SELECT k.jabatan_baku, k.klaster_id, k.klaster_nama, k.tempat, k.tempat_jabatan, k.punya, k.rumusan,
       s.satuan, c.kategori_formula, coalesce(f.formula, '') AS formula, coalesce(t.target_satuan, '') AS target_satuan,
       t.target_median, t.target_terendah, t.target_tertinggi
FROM k
JOIN satuan s USING (klaster_id)
JOIN kategori c USING (klaster_id)
LEFT JOIN formula f USING (klaster_id)
LEFT JOIN target t USING (klaster_id)
ORDER BY k.tempat_jabatan DESC, k.jabatan_baku, k.tempat DESC, k.klaster_nama, k.klaster_id
