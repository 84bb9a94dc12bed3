-- Coverage per field of work: for each kecamatan x bidang, positions and indicators.
-- Parameters: the shared filters ($filter).
SELECT kecamatan, bidang,
       count(*) AS jumlah_jabatan,
       sum(jumlah_indikator)::INTEGER AS indikator
FROM jabatan_terfilter($filter)
GROUP BY ALL
ORDER BY kecamatan, bidang
