-- The comparisons under the filters, each a kecamatan's document against its year before, with what
-- changed in it; in the order of the region and the year. Parameters: $filter.
SELECT provinsi, kabupaten, kecamatan, tahun, any_value(tahun_sebelum) AS tahun_sebelum,
       sum(tetap)::BIGINT AS tetap, sum(diubah)::BIGINT AS diubah, sum(ditambah)::BIGINT AS ditambah,
       sum(dihapus)::BIGINT AS dihapus, sum(berubah)::BIGINT AS berubah
FROM perubahan_per_jabatan($filter)
GROUP BY ALL
ORDER BY kabupaten, kecamatan, tahun
