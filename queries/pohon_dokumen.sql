-- The documents whose tree can be drawn under the filters, with how many sasaran each has above
-- (Camat and Sekretaris) and below, in the order of the region and year. Parameters: $filter.
SELECT provinsi, kabupaten, kecamatan, tahun,
       count(*) FILTER (WHERE atas) AS sasaran_atas,
       count(*) FILTER (WHERE bawahan AND terpilih) AS bawahan,
       count(*) FILTER (WHERE yatim AND terpilih) AS yatim
FROM simpul_pohon($filter)
GROUP BY ALL
ORDER BY kabupaten, kecamatan, tahun
