-- Examples of each formula category drawn from the data: up to $per_kategori indicators per category,
-- taking kecamatan in turn so examples are spread, with how many examples each category has and how
-- many categories appear. Parameters: the shared filters ($filter), $per_kategori (INTEGER).
WITH urut_kecamatan AS (
    SELECT *, row_number() OVER (PARTITION BY kategori_formula, kecamatan ORDER BY urutan_baris) AS giliran
    FROM indikator_terfilter($filter)
), urut AS (
    SELECT *, row_number() OVER (PARTITION BY kategori_formula ORDER BY giliran, kecamatan) AS nomor
    FROM urut_kecamatan
), contoh AS (
    SELECT kategori_formula, kecamatan, jabatan_baku, indikator, formula, nomor FROM urut WHERE nomor <= $per_kategori
)
SELECT c.kategori_formula, c.kecamatan, c.jabatan_baku, c.indikator, c.formula,
       count(*) OVER (PARTITION BY c.kategori_formula) AS jumlah_contoh,
       count(DISTINCT c.kategori_formula) OVER () AS kategori_ada
FROM contoh c
ORDER BY c.kategori_formula, c.nomor
