-- Per kecamatan with indicators under the filters: whether any of its documents states a target
-- (queries/_ukuran.sql). Parameters: the shared filters ($filter).
SELECT kecamatan, bool_or(bertarget(target)) AS punya_target
FROM indikator_terfilter($filter)
GROUP BY kecamatan
ORDER BY kecamatan
