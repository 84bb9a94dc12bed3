-- The full indicator table under the filters, with free-text search ($cari: words that must all appear
-- in the indicator, formula or sasaran); `dikoreksi` names the columns an officer corrected. Parameters: the shared filters ($filter), $cari (VARCHAR).
SELECT kecamatan, tahun, jabatan_urutan, jabatan, jabatan_baku, jenis_jabatan, bidang, sasaran, indikator, formula,
       kategori_formula, satuan, polaritas, target, target_satuan, sumber_data, dikoreksi, indikator_id
FROM indikator_terfilter($filter)
WHERE trim($cari) = ''
   OR list_bool_and(list_transform(string_split(lower(trim($cari)), ' '),
                                   lambda w: contains(lower(indikator || ' ' || formula || ' ' || sasaran), w)))
ORDER BY kecamatan, tahun, urutan_baris
