-- The wordings of one canonical position ($pilihan_jabatan) or one field ($pilihan_bidang) that most
-- kecamatan use (a wording: lower case, spaces as one, as in indikator_antar_kecamatan.sql), at most
-- $batas of them: one form it is written in (the first in name order), how many kecamatan (a kecamatan
-- is its name within its kabupaten/kota) and kabupaten/kota use it, how many rows state it, and how many
-- wordings there are. Parameters: the shared filters ($filter), $pilihan_jabatan, $pilihan_bidang
-- (VARCHAR; empty = not used), $batas (INTEGER).
WITH dipilih AS (
    SELECT kabupaten, kecamatan, trim(indikator) AS tertulis,
           lower(regexp_replace(trim(indikator), '\s+', ' ', 'g')) AS rumusan
    FROM indikator_terfilter($filter)
    WHERE ($pilihan_jabatan = '' OR jabatan_baku = $pilihan_jabatan)
      AND ($pilihan_bidang = '' OR bidang = $pilihan_bidang)
)
SELECT min(tertulis) AS indikator,
       count(DISTINCT (kabupaten, kecamatan)) AS kecamatan,
       count(DISTINCT kabupaten) AS kabupaten,
       count(*) AS tercantum,
       count(*) OVER () AS rumusan_ada
FROM dipilih
GROUP BY rumusan
ORDER BY kecamatan DESC, tercantum DESC, rumusan
LIMIT $batas
