-- How many positions jabatan_sedikit_indikator.sql lists (at most $batas indicators), and in how many
-- kabupaten/kota they are. Parameters: the shared filters ($filter), $batas (INTEGER).
SELECT count(*) AS jabatan, count(DISTINCT kabupaten) AS kabupaten
FROM jabatan_terfilter($filter)
WHERE jumlah_indikator <= $batas
