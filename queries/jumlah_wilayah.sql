-- How many kecamatan (a kecamatan is its name within its kabupaten/kota), kabupaten/kota and provinsi have a
-- position under the filters: what decides whether a chart names kecamatan or sums them
-- (views.summary_level). Lighter than total_indikator.sql: positions only. Parameters: the shared filters ($filter).
SELECT count(*) AS kecamatan, count(DISTINCT kabupaten) AS kabupaten, count(DISTINCT provinsi) AS provinsi
FROM (SELECT DISTINCT provinsi, kabupaten, kecamatan FROM jabatan_terfilter($filter))
