-- Coverage per field of work: for each place x bidang, positions and indicators, with the indicators
-- of the bidang over all places and the total. The place is the kecamatan, or the kabupaten/kota or
-- provinsi at a summary level ($tingkat), with the region it lies in (`induk`, queries/_filter.sql).
-- Parameters: the shared filters ($filter), $tingkat.
WITH sel AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           bidang,
           count(*) AS jumlah_jabatan,
           sum(jumlah_indikator)::INTEGER AS indikator
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
)
SELECT *,
       sum(indikator) OVER (PARTITION BY bidang)::INTEGER AS indikator_bidang,
       sum(indikator) OVER ()::INTEGER AS indikator_total
FROM sel
ORDER BY wilayah, induk, bidang
