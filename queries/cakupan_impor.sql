-- Which kecamatan and years each import covers: one row per import with its kecamatan-year pairs as one line
-- ("Lumajang 2023, Masama 2020") and how many of its values belong to no indicator in the data any more.
-- Parameters: $berkas (the import files, VARCHAR[]).
SELECT v.impor_id,
       string_agg(DISTINCT i.kecamatan || ' ' || i.tahun, ', ' ORDER BY i.kecamatan || ' ' || i.tahun) AS wilayah,
       count(*) FILTER (WHERE i.indikator_id IS NULL) AS nilai_tanpa_indikator
FROM read_parquet($berkas::VARCHAR[]) AS v
LEFT JOIN indikator AS i USING (indikator_id)
GROUP BY v.impor_id
ORDER BY v.impor_id
