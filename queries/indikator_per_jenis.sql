-- Per position type: positions and indicators over the filtered documents, most indicators first.
-- Parameters: the shared filters ($filter).
SELECT j.jenis_jabatan,
       count(*) AS jumlah_jabatan,
       sum(j.jumlah_indikator)::INTEGER AS indikator,
       sum(sum(j.jumlah_indikator)) OVER ()::INTEGER AS indikator_total
FROM jabatan_terfilter($filter) j JOIN ref_jenis_jabatan r ON r.kode = j.jenis_jabatan
GROUP BY j.jenis_jabatan, r.urutan
ORDER BY indikator DESC, r.urutan
