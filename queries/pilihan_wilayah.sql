-- The options of the region filters, each narrowed by what is chosen above it (provinsi ->
-- kabupaten/kota -> kecamatan -> tahun), from the register of documents. One row per option: the
-- filter, the value, and the kabupaten/kota a kecamatan lies in (kecamatan names repeat across the
-- country). Parameter: $filter (only its region members are read).
WITH d AS (
    SELECT provinsi, kabupaten, kecamatan, tahun,
           len($filter['provinsi']::VARCHAR[]) = 0 OR list_contains($filter['provinsi']::VARCHAR[], provinsi) AS di_provinsi,
           len($filter['kabupaten']::VARCHAR[]) = 0 OR list_contains($filter['kabupaten']::VARCHAR[], kabupaten) AS di_kabupaten,
           len($filter['kecamatan']::VARCHAR[]) = 0 OR list_contains($filter['kecamatan']::VARCHAR[], kecamatan) AS di_kecamatan
    FROM dokumen
)
SELECT DISTINCT 'provinsi' AS filter, provinsi AS nilai, NULL AS kabupaten FROM d
UNION ALL
SELECT DISTINCT 'kabupaten', kabupaten, NULL FROM d WHERE di_provinsi
UNION ALL
SELECT DISTINCT 'kecamatan', kecamatan, kabupaten FROM d WHERE di_provinsi AND di_kabupaten
UNION ALL
SELECT DISTINCT 'tahun', CAST(tahun AS VARCHAR), NULL FROM d WHERE di_provinsi AND di_kabupaten AND di_kecamatan
ORDER BY filter, nilai, kabupaten
