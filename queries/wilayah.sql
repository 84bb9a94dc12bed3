-- Which kabupaten, kecamatan and years the data holds, one row per document: for narrowing the
-- region filters (kabupaten -> kecamatan -> tahun). No parameters.
SELECT DISTINCT kabupaten, kecamatan, CAST(tahun AS VARCHAR) AS tahun
FROM dokumen
ORDER BY kabupaten, kecamatan, tahun
