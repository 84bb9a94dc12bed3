-- The filtered indicators without a stored value (none in nilai_tersimpan, passed in by the caller),
-- counted per document and document target: all that capaian needs of them where there are too many to
-- list one by one (they cannot be rated; the target says why).
-- Parameters: the shared filters ($filter).
SELECT provinsi, kabupaten, kecamatan, tahun, target, count(*) AS jumlah
FROM indikator_terfilter($filter)
WHERE indikator_id NOT IN (SELECT DISTINCT indikator_id FROM nilai_tersimpan)
GROUP BY provinsi, kabupaten, kecamatan, tahun, target
ORDER BY kecamatan, kabupaten, tahun, target NULLS FIRST
