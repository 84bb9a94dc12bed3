-- How many indicators the table of daftar_indikator.sql has under the filters and search, and how many
-- of them carry an officer's correction. Parameters: the shared filters ($filter), $cari (VARCHAR).
SELECT count(*) AS indikator, count(*) FILTER (WHERE dikoreksi <> '') AS dikoreksi
FROM indikator_terfilter($filter)
WHERE cocok_cari($cari, indikator, formula, sasaran)
