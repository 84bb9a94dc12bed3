-- One canonical position ($pilihan_jabatan) or one field ($pilihan_bidang) across the regions, for more
-- kecamatan than can be compared side by side: per kabupaten/kota and per provinsi (`tingkat`), with the
-- region it lies in (`induk`), how many kecamatan have it (a kecamatan is its name within its
-- kabupaten/kota), in how many documents, how many indicators, indicators per document, and how many
-- different wordings (lower case, spaces as one, as in indikator_antar_kecamatan.sql).
-- Parameters: the shared filters ($filter), $pilihan_jabatan, $pilihan_bidang (VARCHAR; empty = not used).
WITH dipilih AS (
    SELECT provinsi, kabupaten, kecamatan, tahun, lower(regexp_replace(trim(indikator), '\s+', ' ', 'g')) AS rumusan
    FROM indikator_terfilter($filter)
    WHERE ($pilihan_jabatan = '' OR jabatan_baku = $pilihan_jabatan)
      AND ($pilihan_bidang = '' OR bidang = $pilihan_bidang)
)
SELECT CASE WHEN grouping(kabupaten) = 1 THEN 'provinsi' ELSE 'kabupaten' END AS tingkat,
       coalesce(kabupaten, provinsi) AS wilayah,
       CASE WHEN grouping(kabupaten) = 1 THEN '' ELSE provinsi END AS induk,
       count(DISTINCT (kabupaten, kecamatan)) AS kecamatan,
       count(DISTINCT (kabupaten, kecamatan, tahun)) AS dokumen,
       count(*) AS indikator,
       round(count(*) / count(DISTINCT (kabupaten, kecamatan, tahun)), 1) AS indikator_per_dokumen,
       count(DISTINCT rumusan) AS rumusan
FROM dipilih
GROUP BY GROUPING SETS ((provinsi, kabupaten), (provinsi))
ORDER BY tingkat, wilayah, induk
