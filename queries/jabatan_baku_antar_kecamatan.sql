-- Which canonical positions can be compared: each jabatan_baku with the number of kecamatan that have it
-- (a kecamatan is its name within its kabupaten/kota), of kabupaten/kota, and its indicators; the
-- positions most kecamatan have first. Parameters: the shared filters ($filter).
SELECT jabatan_baku, bidang,
       count(DISTINCT (kabupaten, kecamatan)) AS kecamatan,
       count(DISTINCT kabupaten) AS kabupaten,
       count(*) AS indikator
FROM indikator_terfilter($filter)
GROUP BY ALL
ORDER BY kecamatan DESC, indikator DESC, jabatan_baku
