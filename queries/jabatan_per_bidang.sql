-- Coverage per field of work: for each kecamatan x bidang, positions and indicators, with the
-- indicators of the bidang over all kecamatan and the total. Parameters: the shared filters ($filter).
WITH sel AS (
    SELECT kecamatan, bidang,
           count(*) AS jumlah_jabatan,
           sum(jumlah_indikator)::INTEGER AS indikator
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
)
SELECT *,
       sum(indikator) OVER (PARTITION BY bidang)::INTEGER AS indikator_bidang,
       sum(indikator) OVER ()::INTEGER AS indikator_total
FROM sel
ORDER BY kecamatan, bidang
