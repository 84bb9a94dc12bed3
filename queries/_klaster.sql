-- Harmonisasi (the klaster table, kinerja/build/harmony.py) under the shared filters. A place is a
-- kecamatan of a kabupaten (`tempat_kunci`, 'kabupaten|kecamatan': two kabupaten may have a kecamatan
-- of one name); all its years count as one.

-- The indicators under the filters, each with its cluster.
CREATE OR REPLACE MACRO klaster_terfilter(f) AS TABLE
    SELECT i.*, k.klaster_id, k.klaster_nama, k.rumusan, k.peringkat, k.skor_klaster, k.cara_klaster,
           i.kabupaten || '|' || i.kecamatan AS tempat_kunci
    FROM indikator_terfilter(f) i
    JOIN (SELECT * FROM klaster q WHERE cocok_wilayah(f, q.provinsi, q.kabupaten, q.kecamatan, q.tahun)) k
      ON k.kabupaten = i.kabupaten AND k.indikator_id = i.indikator_id;

-- The places whose documents have each position under the filters (with indicators or without).
CREATE OR REPLACE MACRO pemegang_jabatan(f) AS TABLE
    SELECT jabatan_baku, list(DISTINCT kabupaten || '|' || kecamatan ORDER BY kabupaten || '|' || kecamatan) AS tempat_jabatan
    FROM jabatan_terfilter(f)
    GROUP BY jabatan_baku;

-- Per cluster: its position and name, the places holding it (`punya`), the places having the position
-- without it (`tanpa`), how many indicators and wordings it has, and whether an officer decided part of
-- it. `standar`: held by at least two places and at least $porsi percent of the position's places.
CREATE OR REPLACE MACRO klaster_tempat(f, porsi) AS TABLE
    WITH k AS (
        SELECT jabatan_baku, klaster_id, any_value(klaster_nama) AS klaster_nama,
               list(DISTINCT tempat_kunci ORDER BY tempat_kunci) AS punya, count(*) AS indikator,
               count(DISTINCT rumusan) AS rumusan, bool_or(cara_klaster <> '') AS oleh_petugas
        FROM klaster_terfilter(f)
        GROUP BY jabatan_baku, klaster_id
    )
    SELECT k.*, len(k.punya) AS tempat, len(p.tempat_jabatan) AS tempat_jabatan,
           list_filter(p.tempat_jabatan, lambda t: NOT list_contains(k.punya, t)) AS tanpa,
           len(k.punya) >= 2 AND len(k.punya) * 100 >= porsi * len(p.tempat_jabatan) AS standar
    FROM k JOIN pemegang_jabatan(f) p USING (jabatan_baku);
