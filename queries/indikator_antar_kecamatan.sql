-- The indicators of one canonical position ($pilihan_jabatan) or one field ($pilihan_bidang) side by side
-- across kecamatan, each with how many of the compared kecamatan state the same indicator (case-insensitive),
-- how many kecamatan are compared, and how many distinct indicators more than one kecamatan states.
-- Parameters: the shared filters ($filter), $pilihan_jabatan, $pilihan_bidang (VARCHAR; empty = not used).
WITH dipilih AS (
    SELECT *, lower(trim(indikator)) AS rumusan FROM indikator_terfilter($filter)
    WHERE ($pilihan_jabatan = '' OR jabatan_baku = $pilihan_jabatan)
      AND ($pilihan_bidang = '' OR bidang = $pilihan_bidang)
), dihitung AS (
    SELECT *, count(DISTINCT kecamatan) OVER (PARTITION BY rumusan) AS kecamatan_sama FROM dipilih
)
SELECT kecamatan, tahun, jabatan_baku, sasaran, indikator, kategori_formula, formula, target, target_satuan, kecamatan_sama,
       count(DISTINCT kecamatan) OVER () AS kecamatan_dibandingkan,
       count(DISTINCT CASE WHEN kecamatan_sama > 1 THEN rumusan END) OVER () AS indikator_bersama
FROM dihitung
ORDER BY kecamatan, urutan_baris
