-- The mix of formula categories per kecamatan: indicators per kategori_formula and the share of the kecamatan.
-- Parameters: the shared filters ($kabupaten, $kecamatan, $tahun, $jenis, $bidang, $jabatan, $teks).
WITH hitung AS (
    SELECT kecamatan, kategori_formula, count(*) AS indikator
    FROM indikator_terfilter($kabupaten, $kecamatan, $tahun, $jenis, $bidang, $jabatan, $teks)
    GROUP BY ALL
)
SELECT kecamatan, kategori_formula, indikator,
       round(100.0 * indikator / sum(indikator) OVER (PARTITION BY kecamatan), 1) AS persen
FROM hitung
ORDER BY kecamatan, kategori_formula
