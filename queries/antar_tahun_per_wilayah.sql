-- Antar tahun per place: how many kecamatan and comparisons (a document against the kecamatan's year
-- before), the first and last year compared, and over all of them how many indicators were kept as
-- written (`tetap`), reworded (`diubah`), added and dropped, how many kept or reworded changed their
-- formula, and how many targets went up, down or stayed in one unit. The place is the kecamatan, or the
-- kabupaten/kota or provinsi at a summary level ($tingkat), with the region it lies in (`induk`).
-- Parameters: $filter, $tingkat.
SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
       count(DISTINCT (kabupaten, kecamatan)) AS jumlah_kecamatan,
       count(DISTINCT (kabupaten, kecamatan, tahun)) AS perbandingan,
       min(tahun_sebelum) AS tahun_awal, max(tahun) AS tahun_akhir,
       sum(tetap)::BIGINT AS tetap, sum(diubah)::BIGINT AS diubah, sum(ditambah)::BIGINT AS ditambah,
       sum(dihapus)::BIGINT AS dihapus, sum(rumus_berubah)::BIGINT AS rumus_berubah,
       sum(target_naik)::BIGINT AS target_naik, sum(target_turun)::BIGINT AS target_turun,
       sum(target_sama)::BIGINT AS target_sama
FROM perubahan_per_jabatan($filter)
GROUP BY ALL
ORDER BY wilayah, induk
