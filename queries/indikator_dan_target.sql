-- The filtered indicators with what capaian needs: document target, unit, category, polarity (and the
-- sasaran, which tells apart indicators written alike).
-- Parameters: the shared filters ($filter) and $ids (the indicator ids wanted; empty for all).
SELECT indikator_id, kecamatan, kabupaten, tahun, jabatan_baku, jenis_jabatan, bidang, sasaran, indikator, kategori_formula,
       satuan, polaritas, target, target_satuan
FROM indikator_terfilter($filter)
WHERE len($ids::VARCHAR[]) = 0 OR list_contains($ids::VARCHAR[], indikator_id)
ORDER BY kecamatan, tahun, urutan_baris
