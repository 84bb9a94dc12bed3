-- Harmonisasi per position held by at least two places under the filters: how many places have it,
-- its clusters of indicators, and how many of them all those places hold (`semua`), two or more but
-- not all (`sebagian`), only one (`tunggal`), and how many go to the proposed standard set (`standar`).
-- The positions most places have first. Parameters: $filter, $porsi_standar.
SELECT jabatan_baku, any_value(tempat_jabatan) AS tempat_jabatan, count(*) AS klaster,
       count(*) FILTER (WHERE tempat = tempat_jabatan) AS semua,
       count(*) FILTER (WHERE tempat >= 2 AND tempat < tempat_jabatan) AS sebagian,
       count(*) FILTER (WHERE tempat = 1) AS tunggal,
       count(*) FILTER (WHERE standar) AS standar
FROM klaster_tempat($filter, $porsi_standar)
WHERE tempat_jabatan >= 2
GROUP BY jabatan_baku
ORDER BY tempat_jabatan DESC, jabatan_baku
