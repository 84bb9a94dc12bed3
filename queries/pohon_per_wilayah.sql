-- Pohon kinerja per place: the documents, the sasaran of positions under the filters that could support a
-- Camat's or Sekretaris' sasaran (`bawahan`), how many do (`terkait`, of which `oleh_petugas` set by an
-- officer), how many and how many indicators support nothing (`yatim`, `indikator_yatim`), and the
-- Camat's and Sekretaris' sasaran and how many of them nothing supports (`camat_tanpa_dukungan`,
-- `sekretaris_tanpa_dukungan`). The place is the kecamatan, or the kabupaten/kota or provinsi at a
-- summary level ($tingkat), with the region it lies in (`induk`). Parameters: $filter, $tingkat.
SELECT tempat($tingkat, provinsi, kabupaten, kecamatan) AS wilayah, induk($tingkat, provinsi, kabupaten) AS induk,
       count(DISTINCT (kabupaten, kecamatan, tahun)) AS dokumen,
       count(*) FILTER (WHERE bawahan AND terpilih) AS bawahan,
       count(*) FILTER (WHERE bawahan AND terpilih AND NOT yatim) AS terkait,
       count(*) FILTER (WHERE bawahan AND terpilih AND NOT yatim AND cara_kaitan = 'petugas') AS oleh_petugas,
       count(*) FILTER (WHERE yatim AND terpilih) AS yatim,
       coalesce(sum(indikator) FILTER (WHERE yatim AND terpilih), 0)::BIGINT AS indikator_yatim,
       count(*) FILTER (WHERE jenis_jabatan = 'camat') AS sasaran_camat,
       count(*) FILTER (WHERE jenis_jabatan = 'camat' AND anak = 0) AS camat_tanpa_dukungan,
       count(*) FILTER (WHERE jenis_jabatan = 'sekretaris') AS sasaran_sekretaris,
       count(*) FILTER (WHERE jenis_jabatan = 'sekretaris' AND anak = 0) AS sekretaris_tanpa_dukungan
FROM simpul_pohon($filter)
GROUP BY ALL
ORDER BY wilayah, induk
