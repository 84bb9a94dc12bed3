-- Coverage per position type: for each place x jenis_jabatan, positions, positions with indicators,
-- indicators, indicators per position, and how many indicators are bertarget (queries/_ukuran.sql);
-- with the indicators of the jenis over all places, the total, and the jenis's place in the
-- vocabulary's order (`urutan`), for the takeaway. The place is the kecamatan, or the kabupaten/kota
-- or provinsi at a summary level ($tingkat), with the region it lies in (`induk`, queries/_filter.sql),
-- so two kecamatan of one name stay two. Parameters: the shared filters ($filter), $tingkat.
WITH posisi AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           jenis_jabatan,
           count(*) AS jumlah_jabatan,
           count(*) FILTER (WHERE jumlah_indikator > 0) AS jabatan_berindikator,
           sum(jumlah_indikator)::INTEGER AS indikator,
           round(sum(jumlah_indikator) / count(*), 1) AS indikator_per_jabatan
    FROM jabatan_terfilter($filter)
    GROUP BY ALL
), target AS (
    SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
           jenis_jabatan,
           count(*) FILTER (WHERE bertarget(target)) AS bertarget
    FROM indikator_terfilter($filter)
    GROUP BY ALL
)
SELECT p.*, coalesce(t.bertarget, 0) AS bertarget,
       sum(p.indikator) OVER (PARTITION BY p.jenis_jabatan)::INTEGER AS indikator_jenis,
       sum(p.indikator) OVER ()::INTEGER AS indikator_total,
       r.urutan
FROM posisi p LEFT JOIN target t USING (wilayah, induk, jenis_jabatan)
JOIN ref_jenis_jabatan r ON r.kode = p.jenis_jabatan
ORDER BY p.wilayah, p.induk, p.jenis_jabatan
