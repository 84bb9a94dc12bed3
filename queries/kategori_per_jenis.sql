-- The mix of formula categories per position type, over the filtered kecamatan: indicators per
-- kategori_formula and their share of the type, with the type's indicators (`total`), its terukur
-- indicators (queries/_ukuran.sql) and their share, which the takeaway ranks; types in the
-- vocabulary's order (`urutan`). Parameters: the shared filters ($filter).
WITH hitung AS (
    SELECT jenis_jabatan, kategori_formula, count(*) AS indikator
    FROM indikator_terfilter($filter)
    GROUP BY ALL
), jenis AS (
    SELECT *, sum(indikator) OVER w AS total, coalesce(sum(indikator) FILTER (WHERE terukur(kategori_formula)) OVER w, 0) AS terukur
    FROM hitung
    WINDOW w AS (PARTITION BY jenis_jabatan)
)
SELECT j.jenis_jabatan, j.kategori_formula, j.indikator,
       round(100.0 * j.indikator / j.total, 1) AS persen,
       j.total::BIGINT AS total, j.terukur::BIGINT AS terukur, 100.0 * j.terukur / j.total AS persen_terukur, r.urutan
FROM jenis j JOIN ref_jenis_jabatan r ON r.kode = j.jenis_jabatan
ORDER BY j.jenis_jabatan, j.kategori_formula
