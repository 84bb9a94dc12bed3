-- Per place, all years together: per kecamatan when it has more documents than a chart can name, per
-- kabupaten/kota or per provinsi when it has more kecamatan ($tingkat: 'kecamatan', 'kabupaten' or
-- 'provinsi'), with the region the place lies in (`induk`, queries/_filter.sql), so two kecamatan of one
-- name stay two: how many kecamatan and documents, positions with indicators, indicators, and how many
-- of them are terukur or bertarget (queries/_ukuran.sql), with their shares. The summary Ringkasan
-- shows when there are more documents in scope than a chart can name.
-- Parameters: the shared filters ($filter), $tingkat.
WITH posisi AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           count(DISTINCT (kabupaten, kecamatan)) AS kecamatan,
           count(DISTINCT (kabupaten, kecamatan, tahun)) AS dokumen,
           count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
), ind AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           count(*) AS indikator,
           count(*) FILTER (WHERE terukur(kategori_formula)) AS terukur,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT p.wilayah, p.induk, p.kecamatan, p.dokumen, p.jumlah_jabatan, p.jabatan_berindikator,
       coalesce(i.indikator, 0) AS indikator,
       coalesce(i.terukur, 0) AS terukur,
       coalesce(i.bertarget, 0) AS bertarget,
       round(100.0 * coalesce(i.terukur, 0) / nullif(i.indikator, 0), 1) AS persen_terukur,
       round(100.0 * coalesce(i.bertarget, 0) / nullif(i.indikator, 0), 1) AS persen_bertarget
FROM posisi p LEFT JOIN ind i USING (wilayah, induk)
ORDER BY p.wilayah, p.induk
