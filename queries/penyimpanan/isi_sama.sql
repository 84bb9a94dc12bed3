-- The imports of these contents (a list of sha256), oldest first, and whether each was undone: a content may be
-- imported again only once every earlier import of it was undone.
SELECT i.sha256, i.impor_id, i.diimpor_pada, b.nomor_impor IS NOT NULL AS dibatalkan
FROM impor AS i
LEFT JOIN pembatalan AS b ON b.nomor_impor = i.nomor
WHERE i.sha256 IN :sha256
ORDER BY i.nomor
