-- The columns (target, tw1, …) that have a value in force, from one index seek per column: the table's key starts
-- with kolom, so each step asks for the first column after the one before (a loose scan; SELECT DISTINCT would read
-- every row on PostgreSQL).
WITH RECURSIVE k (kolom) AS (
    SELECT min(kolom) FROM nilai_berlaku
    UNION ALL
    SELECT (SELECT min(b.kolom) FROM nilai_berlaku AS b WHERE b.kolom > k.kolom) FROM k WHERE k.kolom IS NOT NULL
)
SELECT kolom FROM k WHERE kolom IS NOT NULL
