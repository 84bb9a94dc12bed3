-- The filtered indicators with what capaian needs: document target, unit, category, polarity (and the
-- sasaran, which tells apart indicators written alike).
-- Parameters: the shared filters ($filter) and $ids (the indicator ids wanted; empty for all).
SELECT indikator_id, kecamatan, kabupaten, provinsi, tahun, jabatan_baku, jenis_jabatan, bidang, sasaran, indikator,
       kategori_formula, satuan, polaritas, target, target_satuan
FROM indikator_terfilter($filter)
WHERE len($ids::VARCHAR[]) = 0 OR indikator_id IN (SELECT unnest($ids::VARCHAR[]))  -- a hash lookup, not a list scan
ORDER BY kecamatan, kabupaten, tahun, urutan_baris  -- kecamatan of one name apart, by their kabupaten
