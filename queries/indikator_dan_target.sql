-- The filtered indicators with what capaian needs: document target, unit, category, polarity (and the
-- sasaran, which tells apart indicators written alike), and its quality score (queries/_kualitas.sql).
-- Parameters: the shared filters ($filter) and $ids (the indicator ids wanted; empty for all).
SELECT i.indikator_id, i.kecamatan, i.kabupaten, i.provinsi, i.tahun, i.jabatan_baku, i.jenis_jabatan, i.bidang, i.sasaran,
       i.indikator, i.kategori_formula, i.satuan, i.polaritas, i.target, i.target_satuan, s.skor
FROM indikator_terfilter($filter) i
LEFT JOIN skor_kualitas($filter) s ON s.kabupaten = i.kabupaten AND s.indikator_id = i.indikator_id
WHERE len($ids::VARCHAR[]) = 0 OR i.indikator_id IN (SELECT unnest($ids::VARCHAR[]))  -- a hash lookup, not a list scan
ORDER BY i.kecamatan, i.kabupaten, i.tahun, i.urutan_baris  -- kecamatan of one name apart, by their kabupaten
