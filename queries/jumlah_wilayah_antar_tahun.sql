-- How many kecamatan, kabupaten/kota and provinsi have a comparison of two years under the filters: what
-- decides whether Antar tahun names kecamatan or sums them (views.summary_level), counted among the
-- places compared, not among all the filters leave. Parameters: $filter.
SELECT count(*) AS kecamatan, count(DISTINCT kabupaten) AS kabupaten, count(DISTINCT provinsi) AS provinsi
FROM (SELECT DISTINCT provinsi, kabupaten, kecamatan FROM antar_tahun_terfilter($filter))
