-- Which canonical positions can be compared: each jabatan_baku with the number of kecamatan that have it
-- and its indicators. Parameters: the shared filters ($filter).
SELECT jabatan_baku, bidang,
       count(DISTINCT kecamatan) AS kecamatan,
       count(*) AS indikator
FROM indikator_terfilter($filter)
GROUP BY ALL
ORDER BY kecamatan DESC, indikator DESC, jabatan_baku
