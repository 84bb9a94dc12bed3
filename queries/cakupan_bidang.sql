-- Coverage per field of work: for each kecamatan x bidang, positions and indicators.
-- Parameters: the shared filters ($kabupaten, $kecamatan, $tahun, $jenis, $bidang, $jabatan, $teks).
SELECT kecamatan, bidang,
       count(*) AS jumlah_jabatan,
       sum(jumlah_indikator)::INTEGER AS indikator
FROM jabatan_terfilter($kabupaten, $kecamatan, $tahun, $jenis, $bidang, $jabatan, $teks)
GROUP BY ALL
ORDER BY kecamatan, bidang
