-- Filter macros, loaded once per connection. Every question starts FROM one of these, passing its
-- $filter parameter: a struct built by kinerja/filters.py with one member per filter. The lists
-- (provinsi, kabupaten, kecamatan, tahun, jenis = jenis_jabatan, bidang, jabatan = canonical titles) are empty
-- for "all"; teks holds words that must all appear in the title (as written or canonical).
-- A region or code condition becomes a file filter: DuckDB opens only the partitions it leaves.
CREATE OR REPLACE MACRO cocok_wilayah(f, r_provinsi, r_kabupaten, r_kecamatan, r_tahun) AS
    (len(f['provinsi']::VARCHAR[]) = 0 OR list_contains(f['provinsi']::VARCHAR[], r_provinsi))
    AND (len(f['kabupaten']::VARCHAR[]) = 0 OR list_contains(f['kabupaten']::VARCHAR[], r_kabupaten))
    AND (len(f['kecamatan']::VARCHAR[]) = 0 OR list_contains(f['kecamatan']::VARCHAR[], r_kecamatan))
    AND (len(f['tahun']::INTEGER[]) = 0 OR list_contains(f['tahun']::INTEGER[], r_tahun));

CREATE OR REPLACE MACRO cocok_jabatan(f, r_provinsi, r_kabupaten, r_kecamatan, r_tahun, r_jenis, r_bidang, r_baku, r_jabatan) AS
    cocok_wilayah(f, r_provinsi, r_kabupaten, r_kecamatan, r_tahun)
    AND (len(f['jenis']::VARCHAR[]) = 0 OR list_contains(f['jenis']::VARCHAR[], r_jenis))
    AND (len(f['bidang']::VARCHAR[]) = 0 OR list_contains(f['bidang']::VARCHAR[], r_bidang))
    AND (len(f['jabatan']::VARCHAR[]) = 0 OR list_contains(f['jabatan']::VARCHAR[], r_baku))
    AND (trim(f['teks']::VARCHAR) = ''  -- no words typed: no per-row text match
         OR list_bool_and(list_transform(string_split(lower(trim(f['teks']::VARCHAR)), ' '),
                                         lambda w: contains(lower(r_baku || ' ' || r_jabatan), w))));

-- urutan_baris (a column of the table) keeps the documents' own order.
CREATE OR REPLACE MACRO indikator_terfilter(f) AS TABLE
    SELECT * FROM indikator i
    WHERE cocok_jabatan(f, i.provinsi, i.kabupaten, i.kecamatan, i.tahun, i.jenis_jabatan, i.bidang, i.jabatan_baku, i.jabatan);

CREATE OR REPLACE MACRO jabatan_terfilter(f) AS TABLE
    SELECT * FROM jabatan j
    WHERE cocok_jabatan(f, j.provinsi, j.kabupaten, j.kecamatan, j.tahun, j.jenis_jabatan, j.bidang, j.jabatan_baku, j.jabatan);

-- Free-text search: every typed word must appear in the indicator, its formula or its sasaran.
CREATE OR REPLACE MACRO cocok_cari(cari, r_indikator, r_formula, r_sasaran) AS
    trim(cari) = ''
    OR list_bool_and(list_transform(string_split(lower(trim(cari)), ' '),
                                    lambda w: contains(lower(r_indikator || ' ' || r_formula || ' ' || r_sasaran), w)));

-- The place a row is counted under at a summary level ('kecamatan', 'kabupaten' or 'provinsi'):
-- charts name at most a few dozen places, so a wide scope is summed per kabupaten/kota or provinsi.
CREATE OR REPLACE MACRO tempat(tingkat, r_provinsi, r_kabupaten, r_kecamatan) AS
    CASE tingkat WHEN 'provinsi' THEN r_provinsi WHEN 'kabupaten' THEN r_kabupaten ELSE r_kecamatan END;

-- The region a place lies in, which tells apart places named alike (279 kecamatan names are found in
-- more than one kabupaten/kota): a kecamatan's kabupaten/kota, a kabupaten/kota's provinsi; a provinsi
-- lies in none ('').
CREATE OR REPLACE MACRO induk(tingkat, r_provinsi, r_kabupaten) AS
    CASE tingkat WHEN 'provinsi' THEN '' WHEN 'kabupaten' THEN r_provinsi ELSE r_kabupaten END;
