-- Pohon kinerja (the pohon table, kinerja/build/cascade.py) under the shared filters: every sasaran node
-- of the documents in the filters' regions and years, with its position, how many indicators it holds,
-- its parent (induk_id, '' for none), the closest candidate (terdekat_id), how the link was made, and
-- whether its position passes the position filters (`terpilih`). The Camat's and Sekretaris' sasaran
-- stay whatever the position filters: they are what the others support.
CREATE OR REPLACE MACRO simpul_terfilter(f) AS TABLE
    SELECT p.provinsi, p.kabupaten, p.kecamatan, p.tahun, p.jabatan_urutan, p.simpul_id,
           any_value(p.induk_id) AS induk_id, any_value(p.terdekat_id) AS terdekat_id, any_value(p.calon) AS calon,
           any_value(p.skor_kaitan) AS skor_kaitan, any_value(p.cara_kaitan) AS cara_kaitan,
           any_value(p.frasa_bawah) AS frasa_bawah, any_value(p.frasa_atas) AS frasa_atas,
           any_value(i.jabatan) AS jabatan, any_value(i.jabatan_baku) AS jabatan_baku,
           any_value(i.jenis_jabatan) AS jenis_jabatan, any_value(coalesce(i.sasaran, '')) AS sasaran,
           count(*) AS indikator, min(i.urutan_baris) AS urutan,
           string_agg(i.indikator, ' · ' ORDER BY i.urutan_baris) AS daftar_indikator,
           bool_or(cocok_jabatan(f, i.provinsi, i.kabupaten, i.kecamatan, i.tahun, i.jenis_jabatan, i.bidang,
                                 i.jabatan_baku, i.jabatan)) AS terpilih
    FROM (SELECT * FROM pohon q WHERE cocok_wilayah(f, q.provinsi, q.kabupaten, q.kecamatan, q.tahun)) p
    JOIN indikator i ON i.kabupaten = p.kabupaten AND i.indikator_id = p.indikator_id
    WHERE cocok_wilayah(f, i.provinsi, i.kabupaten, i.kecamatan, i.tahun)
    GROUP BY p.provinsi, p.kabupaten, p.kecamatan, p.tahun, p.jabatan_urutan, p.simpul_id;

-- Each node with what it is in the tree: `atas` (a Camat's or Sekretaris' sasaran, which others may
-- support), `bawahan` (a sasaran that may support one: it has candidates), `anak` (how many nodes
-- link to it) and `yatim` (a node that could support one and supports none).
CREATE OR REPLACE MACRO simpul_pohon(f) AS TABLE
    WITH s AS (SELECT * FROM simpul_terfilter(f))
    SELECT s.*, s.jenis_jabatan IN ('camat', 'sekretaris') AS atas, s.calon > 0 AS bawahan,
           s.calon > 0 AND s.induk_id = '' AS yatim,
           (SELECT count(*) FROM s AS c WHERE c.kabupaten = s.kabupaten AND c.induk_id = s.simpul_id) AS anak
    FROM s;
