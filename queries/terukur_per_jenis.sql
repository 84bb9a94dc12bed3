-- Per position type: indicators, terukur indicators and their share, highest share first.
-- Parameters: the shared filters ($filter).
SELECT i.jenis_jabatan,
       count(*) AS indikator,
       count(*) FILTER (WHERE terukur(i.kategori_formula)) AS terukur,
       100.0 * count(*) FILTER (WHERE terukur(i.kategori_formula)) / count(*) AS persen_terukur
FROM indikator_terfilter($filter) i JOIN ref_jenis_jabatan r ON r.kode = i.jenis_jabatan
GROUP BY i.jenis_jabatan, r.urutan
ORDER BY persen_terukur DESC, r.urutan
