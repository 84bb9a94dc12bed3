-- Per kecamatan and position type: indicators and how many of them are bertarget (queries/_ukuran.sql).
-- Parameters: the shared filters ($filter).
SELECT kecamatan, jenis_jabatan,
       count(*) AS indikator,
       count(*) FILTER (WHERE bertarget(target)) AS bertarget
FROM indikator_terfilter($filter)
GROUP BY ALL
ORDER BY kecamatan, jenis_jabatan
