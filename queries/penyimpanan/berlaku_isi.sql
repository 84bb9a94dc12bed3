-- A store made before nilai_berlaku existed: the table filled from the view, once, in the transaction that makes it.
INSERT INTO nilai_berlaku (kolom, indikator_id, nomor_impor, nilai)
SELECT kolom, indikator_id, nomor_impor, nilai FROM nilai_terkini
