-- Which values can each sidebar filter take? (no parameters)
-- One row per value: filter name, value, and the kecamatan/year it belongs to for narrowing.
SELECT DISTINCT 'provinsi' AS filter, provinsi AS nilai FROM dokumen
UNION SELECT DISTINCT 'kabupaten', kabupaten FROM dokumen
UNION SELECT DISTINCT 'kecamatan', kecamatan FROM dokumen
UNION SELECT DISTINCT 'tahun', CAST(tahun AS VARCHAR) FROM dokumen
UNION SELECT DISTINCT 'jenis', jenis_jabatan FROM jabatan
UNION SELECT DISTINCT 'bidang', bidang FROM jabatan
UNION SELECT DISTINCT 'jabatan', jabatan_baku FROM jabatan
ORDER BY filter, nilai
