-- Per kecamatan (over the filtered years): indicators, terukur indicators and their share,
-- highest share first. Parameters: the shared filters ($filter).
SELECT kecamatan,
       count(*) AS indikator,
       count(*) FILTER (WHERE terukur(kategori_formula)) AS terukur,
       100.0 * count(*) FILTER (WHERE terukur(kategori_formula)) / count(*) AS persen_terukur
FROM indikator_terfilter($filter)
GROUP BY kecamatan
ORDER BY persen_terukur DESC, kecamatan
