-- Coverage per position type: for each kecamatan x jenis_jabatan, positions, positions with indicators,
-- indicators and indicators per position. Parameters: the shared filters ($filter).
SELECT kecamatan, jenis_jabatan,
       count(*) AS jumlah_jabatan,
       count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator,
       sum(jumlah_indikator)::INTEGER AS indikator,
       round(sum(jumlah_indikator) / count(*), 1) AS indikator_per_jabatan
FROM jabatan_terfilter($filter)
GROUP BY ALL
ORDER BY kecamatan, jenis_jabatan
