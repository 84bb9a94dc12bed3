-- Antar tahun (the antar_tahun table, kinerja/build/yearly.py) under the shared filters. A comparison is
-- one kecamatan's document against the kecamatan's document of the year before it, filed under the later
-- year: the year filter picks the later year. A dropped indicator counts under its position in the
-- earlier document.
CREATE OR REPLACE MACRO antar_tahun_terfilter(f) AS TABLE
    SELECT *, (jenis_perubahan <> 'tetap' OR rumus_berubah OR gerak_target NOT IN ('', 'sama', 'tanpa_target')) AS berubah
    FROM antar_tahun a
    WHERE cocok_jabatan(f, a.provinsi, a.kabupaten, a.kecamatan, a.tahun, a.jenis_jabatan, a.bidang, a.jabatan_baku,
                        a.jabatan);

-- Per comparison and position under the filters: how many indicators were kept, reworded, added and dropped,
-- how many changed something, changed their formula, and whose target went up, down or stayed. The
-- position's place in the later document (`urutan`) and its title as written there (else the earlier).
CREATE OR REPLACE MACRO perubahan_per_jabatan(f) AS TABLE
    SELECT provinsi, kabupaten, kecamatan, tahun, any_value(tahun_sebelum) AS tahun_sebelum, jabatan_baku,
           min(jabatan_urutan) AS urutan, any_value(jabatan ORDER BY jenis_perubahan = 'dihapus') AS jabatan,
           count(*) FILTER (WHERE jenis_perubahan = 'tetap') AS tetap,
           count(*) FILTER (WHERE jenis_perubahan = 'diubah') AS diubah,
           count(*) FILTER (WHERE jenis_perubahan = 'ditambah') AS ditambah,
           count(*) FILTER (WHERE jenis_perubahan = 'dihapus') AS dihapus,
           count(*) FILTER (WHERE berubah) AS berubah,
           count(*) FILTER (WHERE rumus_berubah) AS rumus_berubah,
           count(*) FILTER (WHERE gerak_target = 'naik') AS target_naik,
           count(*) FILTER (WHERE gerak_target = 'turun') AS target_turun,
           count(*) FILTER (WHERE gerak_target = 'sama') AS target_sama
    FROM antar_tahun_terfilter(f)
    GROUP BY provinsi, kabupaten, kecamatan, tahun, jabatan_baku;
