-- The realisation store's one view of current values (SQLite and PostgreSQL alike): per indicator and column
-- (target, tw1-tw4, tahunan, polaritas, metode) the value of the latest import that was not undone. "Latest" is
-- the highest import number (impor.nomor, the order imports were made in). Every number has 16 digits (a CHECK on
-- impor.nomor), so the text number||value sorts by number first and its maximum carries the latest value: one
-- pass over the values in their key's order, no sort, and a condition on indikator_id reaches the table's key.
CREATE VIEW nilai_terkini AS
SELECT n.indikator_id,
       n.kolom,
       substr(max(CAST(n.nomor_impor AS TEXT) || n.nilai), 17) AS nilai,
       max(n.nomor_impor) AS nomor_impor
FROM nilai_impor AS n
WHERE n.nomor_impor NOT IN (SELECT b.nomor_impor FROM pembatalan AS b)
GROUP BY n.indikator_id, n.kolom
