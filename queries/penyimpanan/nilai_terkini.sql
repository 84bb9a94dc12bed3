-- The definition of current values (SQLite and PostgreSQL alike): per indicator and column (target, tw1-tw4, tahunan,
-- polaritas, metode) the value of the latest import that was not undone. "Latest" is the highest import number
-- (impor.nomor, the order imports were made in). Every number has 16 digits (a CHECK on impor.nomor), so the text
-- number||value sorts by number first and its maximum carries the latest value: one pass over the values in their
-- key's order, no sort. The table nilai_berlaku holds exactly these rows, kept by every import and undo, and is what
-- the app reads; this view fills it once for a store made before it, and the tests hold the table to it.
CREATE VIEW nilai_terkini AS
SELECT n.indikator_id,
       n.kolom,
       substr(max(CAST(n.nomor_impor AS TEXT) || n.nilai), 17) AS nilai,
       max(n.nomor_impor) AS nomor_impor
FROM nilai_impor AS n
WHERE n.nomor_impor NOT IN (SELECT b.nomor_impor FROM pembatalan AS b)
GROUP BY n.indikator_id, n.kolom
