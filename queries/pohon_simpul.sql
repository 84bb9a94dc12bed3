-- The tree of one document: every sasaran node of it (the Camat's and Sekretaris' always, the others
-- when their position passes the filters) with its parent's and its closest candidate's sasaran and
-- position, in the document's order. Parameters: $filter, $kabupaten_pohon, $kecamatan_pohon,
-- $tahun_pohon.
WITH s AS (
    SELECT * FROM simpul_pohon($filter)
    WHERE kabupaten = $kabupaten_pohon AND kecamatan = $kecamatan_pohon AND tahun = $tahun_pohon
)
SELECT s.simpul_id, s.provinsi, s.kabupaten, s.kecamatan, s.tahun, s.jabatan_urutan, s.jabatan, s.jabatan_baku,
       s.jenis_jabatan, s.sasaran, s.indikator, s.daftar_indikator, s.atas, s.bawahan, s.yatim, s.anak,
       s.induk_id, s.terdekat_id, s.calon, s.skor_kaitan, s.cara_kaitan, s.frasa_bawah, s.frasa_atas,
       coalesce(p.sasaran, '') AS induk_sasaran, coalesce(p.jabatan, '') AS induk_jabatan,
       coalesce(t.sasaran, '') AS terdekat_sasaran, coalesce(t.jabatan, '') AS terdekat_jabatan
FROM s
LEFT JOIN s AS p ON p.simpul_id = s.induk_id
LEFT JOIN s AS t ON t.simpul_id = s.terdekat_id
WHERE s.atas OR s.terpilih
ORDER BY s.urutan
