-- One row of totals under the filters: kecamatan (a kecamatan is its name within its kabupaten/kota:
-- names repeat across the country), kabupaten/kota, provinsi, documents, positions (with indicators),
-- indicators, and the terukur and bertarget indicators among them (queries/_ukuran.sql).
-- Parameters: the shared filters ($filter).
WITH posisi AS (
    SELECT count(DISTINCT (kabupaten, kecamatan)) AS kecamatan,
           count(DISTINCT kabupaten) AS kabupaten,
           count(DISTINCT provinsi) AS provinsi,
           count(DISTINCT (kabupaten, kecamatan, tahun)) AS dokumen,
           count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator
    FROM jabatan_terfilter($filter)
), ind AS (
    SELECT count(*) AS indikator,
           count(*) FILTER (WHERE terukur(kategori_formula)) AS terukur,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
)
SELECT p.kecamatan, p.dokumen, p.jumlah_jabatan, p.jabatan_berindikator, i.indikator, i.terukur, i.bertarget,
       p.kabupaten, p.provinsi
FROM posisi p, ind i
