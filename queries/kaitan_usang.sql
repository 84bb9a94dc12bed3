-- The officers' links of Pohon kinerja (kaitan.csv) that apply to nothing since the last build, with the
-- reason, for the places and years of the filters, in the file's order. Parameters: $filter.
SELECT baris, kecamatan, kabupaten, tahun, jabatan, sasaran, induk_jabatan, induk_sasaran, alasan, oleh, pada, sebab
FROM kaitan_usang k
WHERE cocok_wilayah($filter, k.provinsi, k.kabupaten, k.kecamatan, k.tahun)
ORDER BY baris
