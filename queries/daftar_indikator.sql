-- The indicator table under the filters, with free-text search ($cari: words that must all appear in
-- the indicator, formula or sasaran), one page at a time ($mulai rows skipped, at most $baris rows;
-- $baris NULL for all of them, the whole table's download); `dikoreksi` names the columns an officer
-- corrected. Parameters: the shared filters ($filter), $cari (VARCHAR), $mulai, $baris.
SELECT kecamatan, tahun, jabatan_urutan, jabatan, jabatan_baku, jenis_jabatan, bidang, sasaran, indikator, formula,
       kategori_formula, satuan, polaritas, target, target_satuan, sumber_data, dikoreksi, indikator_id
FROM indikator_terfilter($filter)
WHERE cocok_cari($cari, indikator, formula, sasaran)
ORDER BY kecamatan, kabupaten, tahun, urutan_baris
LIMIT $baris OFFSET $mulai
