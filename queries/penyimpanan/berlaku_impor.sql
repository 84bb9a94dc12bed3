-- After imports numbered pertama..terakhir were written: each of their values becomes the value in force unless the
-- one in force came from a later import. Per key the latest of these imports wins (the view's number||value
-- maximum); undone imports among them (only the former file store's moves bring those) do not count. The same
-- imports may be given twice: the result is the same.
INSERT INTO nilai_berlaku (kolom, indikator_id, nomor_impor, nilai)
SELECT n.kolom, n.indikator_id, max(n.nomor_impor), substr(max(CAST(n.nomor_impor AS TEXT) || n.nilai), 17)
FROM nilai_impor AS n
WHERE n.nomor_impor BETWEEN :pertama AND :terakhir
  AND n.nomor_impor NOT IN (SELECT b.nomor_impor FROM pembatalan AS b)
GROUP BY n.kolom, n.indikator_id
ON CONFLICT (kolom, indikator_id) DO UPDATE SET nomor_impor = excluded.nomor_impor, nilai = excluded.nilai
WHERE excluded.nomor_impor > nilai_berlaku.nomor_impor
