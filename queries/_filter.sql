-- Filter macros, loaded once per connection. Every question starts FROM one of these.
-- Parameters (all lists; an empty list means "all"): kabupaten, kecamatan, tahun, jenis (jenis_jabatan),
-- bidang, jabatan (canonical titles); teks: words that must all appear in the title (as written or canonical).
CREATE OR REPLACE MACRO cocok_jabatan(kab, kec, thn, jns, bdg, jab, teks,
                                      r_kabupaten, r_kecamatan, r_tahun, r_jenis, r_bidang, r_baku, r_jabatan) AS
    (len(kab::VARCHAR[]) = 0 OR list_contains(kab::VARCHAR[], r_kabupaten))
    AND (len(kec::VARCHAR[]) = 0 OR list_contains(kec::VARCHAR[], r_kecamatan))
    AND (len(thn::INTEGER[]) = 0 OR list_contains(thn::INTEGER[], r_tahun))
    AND (len(jns::VARCHAR[]) = 0 OR list_contains(jns::VARCHAR[], r_jenis))
    AND (len(bdg::VARCHAR[]) = 0 OR list_contains(bdg::VARCHAR[], r_bidang))
    AND (len(jab::VARCHAR[]) = 0 OR list_contains(jab::VARCHAR[], r_baku))
    AND list_bool_and(list_transform(string_split(lower(trim(teks)), ' '),
                                     lambda w: contains(lower(r_baku || ' ' || r_jabatan), w)));

-- urutan_baris keeps the documents' own order (the table is loaded in build order).
CREATE OR REPLACE MACRO indikator_terfilter(kab, kec, thn, jns, bdg, jab, teks) AS TABLE
    SELECT *, i.rowid AS urutan_baris FROM indikator i
    WHERE cocok_jabatan(kab, kec, thn, jns, bdg, jab, teks,
                        i.kabupaten, i.kecamatan, i.tahun, i.jenis_jabatan, i.bidang, i.jabatan_baku, i.jabatan);

CREATE OR REPLACE MACRO jabatan_terfilter(kab, kec, thn, jns, bdg, jab, teks) AS TABLE
    SELECT * FROM jabatan j
    WHERE cocok_jabatan(kab, kec, thn, jns, bdg, jab, teks,
                        j.kabupaten, j.kecamatan, j.tahun, j.jenis_jabatan, j.bidang, j.jabatan_baku, j.jabatan);
