-- Examples of each formula category drawn from the data: up to $per_kategori indicators per category,
-- taking kecamatan in turn so examples are spread. Parameters: the shared filters ($filter), $per_kategori (INTEGER).
WITH urut_kecamatan AS (
    SELECT *, row_number() OVER (PARTITION BY kategori_formula, kecamatan ORDER BY urutan_baris) AS giliran
    FROM indikator_terfilter($filter)
), urut AS (
    SELECT *, row_number() OVER (PARTITION BY kategori_formula ORDER BY giliran, kecamatan) AS nomor
    FROM urut_kecamatan
)
SELECT kategori_formula, kecamatan, jabatan_baku, indikator, formula
FROM urut
WHERE nomor <= $per_kategori
ORDER BY kategori_formula, nomor
