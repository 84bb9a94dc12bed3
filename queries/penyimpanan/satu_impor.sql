-- One import by its id, with whether it was undone.
SELECT i.nomor, b.nomor_impor IS NOT NULL AS dibatalkan
FROM impor AS i
LEFT JOIN pembatalan AS b ON b.nomor_impor = i.nomor
WHERE i.impor_id = :impor_id
