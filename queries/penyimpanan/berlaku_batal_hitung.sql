-- An undo, second step (after its row in pembatalan): each key the undone import had a value for and that now has
-- none in force gets the latest value of the imports not undone, as the view computes it; a key with none left
-- stays without.
INSERT INTO nilai_berlaku (kolom, indikator_id, nomor_impor, nilai)
SELECT n.kolom, n.indikator_id, max(n.nomor_impor), substr(max(CAST(n.nomor_impor AS TEXT) || n.nilai), 17)
FROM nilai_impor AS u
JOIN nilai_impor AS n ON n.indikator_id = u.indikator_id AND n.kolom = u.kolom
WHERE u.nomor_impor = :nomor_impor
  AND n.nomor_impor NOT IN (SELECT b.nomor_impor FROM pembatalan AS b)
  AND NOT EXISTS (SELECT 1 FROM nilai_berlaku AS k WHERE k.kolom = n.kolom AND k.indikator_id = n.indikator_id)
GROUP BY n.kolom, n.indikator_id
