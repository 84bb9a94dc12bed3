-- Per kecamatan with indicators under the filters (a kecamatan is its name within its kabupaten/kota):
-- whether any of its documents states a target (queries/_ukuran.sql). Parameters: the shared filters ($filter).
SELECT kabupaten, kecamatan, bool_or(bertarget(target)) AS punya_target
FROM indikator_terfilter($filter)
GROUP BY kabupaten, kecamatan
ORDER BY kecamatan, kabupaten
