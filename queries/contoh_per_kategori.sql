-- Examples of each formula category drawn from the data: up to $per_kategori indicators per category,
-- taking kecamatan in turn (in name order; a kecamatan is its name within its kabupaten/kota) so examples
-- are spread: each kecamatan's first row of the category, then its second, … With how many examples each
-- category has and how many categories appear, and each example's quality score. Parameters: the shared filters ($filter), $per_kategori (INTEGER).
-- Light at national scale: the turns come from each kecamatan's first $per_kategori row numbers
-- (`urutan_baris`, unique), so only the chosen rows' texts are read (joined on their kabupaten too: fewer
-- files to look in).
WITH per_kecamatan AS (
    SELECT kategori_formula, kecamatan, kabupaten, min(urutan_baris, $per_kategori) AS baris
    FROM indikator_terfilter($filter)
    GROUP BY ALL
), giliran AS (
    SELECT kategori_formula, kecamatan, kabupaten, unnest(baris) AS urutan_baris, generate_subscripts(baris, 1) AS giliran
    FROM per_kecamatan
), contoh AS (
    SELECT *, row_number() OVER (PARTITION BY kategori_formula ORDER BY giliran, kecamatan, kabupaten) AS nomor
    FROM giliran
    QUALIFY nomor <= $per_kategori
)
SELECT c.kategori_formula, c.kecamatan, c.kabupaten, i.jabatan_baku, i.indikator, i.formula, s.skor,
       count(*) OVER (PARTITION BY c.kategori_formula) AS jumlah_contoh,
       count(DISTINCT c.kategori_formula) OVER () AS kategori_ada
FROM contoh c JOIN indikator_terfilter($filter) i USING (kabupaten, urutan_baris)
LEFT JOIN skor_kualitas($filter) s ON s.kabupaten = c.kabupaten AND s.indikator_id = i.indikator_id
ORDER BY c.kategori_formula, c.nomor
