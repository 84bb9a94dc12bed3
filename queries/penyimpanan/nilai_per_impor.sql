-- The indicators each of these imports (a list of ids) gave values for, with how many values each.
SELECT i.impor_id, n.indikator_id, count(*) AS nilai
FROM nilai_impor AS n
JOIN impor AS i ON i.nomor = n.nomor_impor
WHERE i.impor_id IN :impor_id
GROUP BY i.impor_id, n.indikator_id
