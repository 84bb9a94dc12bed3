-- Stored values (nilai_tersimpan, passed in by the caller) whose indicator no longer exists in the data:
-- reported, never silently dropped. The indicators that do have values are found first, so only theirs are
-- held to compare (not a country's 1,3 million ids).
WITH ada AS (
    SELECT indikator_id FROM indikator WHERE indikator_id IN (SELECT DISTINCT indikator_id FROM nilai_tersimpan)
)
SELECT n.indikator_id, n.kolom, n.nilai
FROM nilai_tersimpan n
WHERE n.indikator_id NOT IN (SELECT indikator_id FROM ada)
ORDER BY n.indikator_id, n.kolom
