-- Indicator quality (the kualitas table, kinerja/build/quality.py) under the shared filters. The
-- region and year conditions go to the kualitas table itself, so it opens only the partitions the
-- filters leave; the position conditions come through the indicator it is joined to.

-- Each indicator's score under the filters' regions and years (the column a listing adds).
CREATE OR REPLACE MACRO skor_kualitas(f) AS TABLE
    SELECT kabupaten, indikator_id, skor
    FROM kualitas q
    WHERE cocok_wilayah(f, q.provinsi, q.kabupaten, q.kecamatan, q.tahun);

-- The indicators under the filters with their assessment: the indicator's columns, then `skor` and
-- per criterion lolos_<key> (met) and alasan_<key> (why not, in words).
CREATE OR REPLACE MACRO kualitas_terfilter(f) AS TABLE
    SELECT i.*, q.* EXCLUDE (indikator_id, provinsi, kabupaten, kecamatan, tahun, jabatan_urutan)
    FROM indikator_terfilter(f) i
    JOIN (SELECT * FROM kualitas k WHERE cocok_wilayah(f, k.provinsi, k.kabupaten, k.kecamatan, k.tahun)) q
      ON q.kabupaten = i.kabupaten AND q.indikator_id = i.indikator_id;
