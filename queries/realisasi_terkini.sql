-- The current value of each indicator and column (target, tw1-tw4, tahunan, polaritas, metode): the one from
-- the latest import that was not undone. Parameters: $berkas (the import files, VARCHAR[]), $dibatalkan (undone
-- import ids, VARCHAR[]).
SELECT indikator_id, kolom, arg_max(nilai, diimpor_pada) AS nilai, max(diimpor_pada) AS diimpor_pada
FROM read_parquet($berkas::VARCHAR[])
WHERE NOT list_contains($dibatalkan::VARCHAR[], impor_id)
GROUP BY ALL
ORDER BY indikator_id, kolom
