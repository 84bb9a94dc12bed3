-- Which values can each sidebar filter take? (no parameters)
-- One row per value: filter name, value, and the kecamatan/year it belongs to for narrowing.
SELECT DISTINCT 'kabupaten' AS filter, kabupaten AS nilai FROM jabatan
UNION SELECT DISTINCT 'kecamatan', kecamatan FROM jabatan
UNION SELECT DISTINCT 'tahun', CAST(tahun AS VARCHAR) FROM jabatan
UNION SELECT DISTINCT 'jenis', jenis_jabatan FROM jabatan
UNION SELECT DISTINCT 'bidang', bidang FROM jabatan
UNION SELECT DISTINCT 'jabatan', jabatan_baku FROM jabatan
ORDER BY filter, nilai
