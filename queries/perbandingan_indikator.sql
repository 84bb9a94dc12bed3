-- The indicators of one canonical position ($pilihan_jabatan) or one field ($pilihan_bidang) side by side
-- across kecamatan, each with how many of the compared kecamatan state the same indicator (case-insensitive).
-- Parameters: the shared filters ($filter), $pilihan_jabatan, $pilihan_bidang (VARCHAR; empty = not used).
WITH dipilih AS (
    SELECT * FROM indikator_terfilter($filter)
    WHERE ($pilihan_jabatan = '' OR jabatan_baku = $pilihan_jabatan)
      AND ($pilihan_bidang = '' OR bidang = $pilihan_bidang)
)
SELECT kecamatan, tahun, jabatan_baku, indikator, kategori_formula, formula, target, target_satuan,
       count(DISTINCT kecamatan) OVER (PARTITION BY lower(trim(indikator))) AS kecamatan_sama,
       count(DISTINCT kecamatan) OVER () AS kecamatan_dibandingkan
FROM dipilih
ORDER BY kecamatan, urutan_baris
