-- One row of totals under the filters: kecamatan, documents, positions (with indicators), indicators,
-- terukur and bertarget indicators, and the kecamatan none of whose documents states a target.
-- Parameters: the shared filters ($filter).
WITH posisi AS (
    SELECT count(DISTINCT kecamatan) AS kecamatan,
           count(DISTINCT (kecamatan, tahun)) AS dokumen,
           count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator
    FROM jabatan_terfilter($filter)
), ind AS (
    SELECT count(*) AS indikator,
           count(*) FILTER (WHERE terukur(kategori_formula)) AS terukur,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
), per_kecamatan AS (
    SELECT kecamatan, bool_or(bertarget(target)) AS punya_target
    FROM indikator_terfilter($filter)
    GROUP BY kecamatan
)
SELECT p.kecamatan, p.dokumen, p.jumlah_jabatan, p.jabatan_berindikator, i.indikator, i.terukur, i.bertarget,
       (SELECT count(*) FROM per_kecamatan WHERE NOT punya_target) AS kecamatan_tanpa_target,
       (SELECT coalesce(string_agg(kecamatan, ', ' ORDER BY kecamatan), '') FROM per_kecamatan WHERE NOT punya_target)
           AS daftar_tanpa_target
FROM posisi p, ind i
