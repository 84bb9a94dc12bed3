-- The filtered indicators that have a stored value (in nilai_tersimpan, the store's values in force, passed
-- in by the caller), with what capaian's rules need and no more: the names of the few a page lists are read
-- by id (indikator_dan_target).
-- Parameters: the shared filters ($filter).
SELECT indikator_id, kecamatan, kabupaten, provinsi, tahun, kategori_formula, satuan, polaritas, target
FROM indikator_terfilter($filter)
WHERE indikator_id IN (SELECT DISTINCT indikator_id FROM nilai_tersimpan)
ORDER BY kecamatan, kabupaten, tahun, urutan_baris
