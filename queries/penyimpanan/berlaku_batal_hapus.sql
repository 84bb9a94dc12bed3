-- An undo, first step: the values in force that came from the undone import are no longer in force. Found through
-- the import's own values (the index by import, then the key), not by reading the whole table.
DELETE FROM nilai_berlaku
WHERE nomor_impor = :nomor_impor
  AND (kolom, indikator_id) IN (SELECT u.kolom, u.indikator_id FROM nilai_impor AS u WHERE u.nomor_impor = :nomor_impor)
