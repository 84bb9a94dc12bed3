-- Per kabupaten/kota or per provinsi ($tingkat: 'kabupaten' or 'provinsi'), all years together: how
-- many kecamatan and documents, positions with indicators, indicators, and how many of them are
-- terukur or bertarget (queries/_ukuran.sql), with their shares. The summary Ringkasan shows when
-- more kecamatan are in scope than a chart can name. Parameters: the shared filters ($filter), $tingkat.
WITH posisi AS (
    SELECT CASE $tingkat WHEN 'provinsi' THEN provinsi ELSE kabupaten END AS wilayah,
           count(DISTINCT (kabupaten, kecamatan)) AS kecamatan,
           count(DISTINCT (kabupaten, kecamatan, tahun)) AS dokumen,
           count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
), ind AS (
    SELECT CASE $tingkat WHEN 'provinsi' THEN provinsi ELSE kabupaten END AS wilayah,
           count(*) AS indikator,
           count(*) FILTER (WHERE terukur(kategori_formula)) AS terukur,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT p.wilayah, p.kecamatan, p.dokumen, p.jumlah_jabatan, p.jabatan_berindikator,
       coalesce(i.indikator, 0) AS indikator,
       coalesce(i.terukur, 0) AS terukur,
       coalesce(i.bertarget, 0) AS bertarget,
       round(100.0 * coalesce(i.terukur, 0) / nullif(i.indikator, 0), 1) AS persen_terukur,
       round(100.0 * coalesce(i.bertarget, 0) / nullif(i.indikator, 0), 1) AS persen_bertarget
FROM posisi p LEFT JOIN ind i USING (wilayah)
ORDER BY p.wilayah
