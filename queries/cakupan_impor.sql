-- Which kecamatan and years each import covers: one row per import with its kecamatan-year pairs as one line
-- ("Lumajang 2023, Masama 2020") and how many of its values belong to no indicator in the data any more.
-- Parameters (read from the realisation store, one element per import and indicator): $impor_id, $indikator_id
-- (VARCHAR[]) and $nilai (BIGINT[], how many values the import gave the indicator).
WITH v AS (
    SELECT unnest($impor_id::VARCHAR[]) AS impor_id, unnest($indikator_id::VARCHAR[]) AS indikator_id,
           unnest($nilai::BIGINT[]) AS nilai
)
SELECT v.impor_id,
       string_agg(DISTINCT i.kecamatan || ' ' || i.tahun, ', ' ORDER BY i.kecamatan || ' ' || i.tahun) AS wilayah,
       coalesce(sum(v.nilai) FILTER (WHERE i.indikator_id IS NULL), 0)::BIGINT AS nilai_tanpa_indikator
FROM v
LEFT JOIN indikator AS i USING (indikator_id)
GROUP BY v.impor_id
ORDER BY v.impor_id
