-- One row of totals under the filters: kecamatan, documents, positions (with indicators), indicators,
-- and the terukur and bertarget indicators among them (queries/_ukuran.sql).
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
)
SELECT p.kecamatan, p.dokumen, p.jumlah_jabatan, p.jabatan_berindikator, i.indikator, i.terukur, i.bertarget
FROM posisi p, ind i
