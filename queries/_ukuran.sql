-- Measures, defined once. Loaded after the reference tables (kinerja/vocab.py: ref_kategori_formula,
-- ref_jenis_jabatan, ref_bidang), so SQL and Python read the same code lists.
-- terukur: the formula computes a value capaian can be measured against (vocab.TERUKUR).
-- (One uncorrelated list, read once per query: cheaper than IN (subquery) per row.)
CREATE OR REPLACE MACRO terukur(kategori) AS
    list_contains((SELECT list(kode) FROM ref_kategori_formula WHERE terukur), kategori);

-- bertarget: the document states a numeric target.
CREATE OR REPLACE MACRO bertarget(target) AS target IS NOT NULL;
