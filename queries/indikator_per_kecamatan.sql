-- Per document (a kecamatan within its kabupaten/kota, in one year): how many positions have
-- indicators, how many indicators, and how many of them are terukur or bertarget (queries/_ukuran.sql),
-- with their shares. The kabupaten/kota is in the key: kecamatan of one name in two kabupaten/kota are
-- two rows. Parameters: the shared filters ($filter).
WITH posisi AS (
    SELECT kabupaten, kecamatan, tahun, count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
), ind AS (
    SELECT kabupaten, kecamatan, tahun,
           count(*) AS indikator,
           count(*) FILTER (WHERE terukur(kategori_formula)) AS terukur,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT p.kabupaten, p.kecamatan, p.tahun, p.jumlah_jabatan, p.jabatan_berindikator,
       coalesce(i.indikator, 0) AS indikator,
       coalesce(i.terukur, 0) AS terukur,
       coalesce(i.bertarget, 0) AS bertarget,
       round(100.0 * coalesce(i.terukur, 0) / nullif(i.indikator, 0), 1) AS persen_terukur,
       round(100.0 * coalesce(i.bertarget, 0) / nullif(i.indikator, 0), 1) AS persen_bertarget
FROM posisi p LEFT JOIN ind i USING (kabupaten, kecamatan, tahun)
ORDER BY p.kecamatan, p.kabupaten, p.tahun
