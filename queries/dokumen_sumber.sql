-- The source documents behind the data under the filters, one row per document: its kecamatan,
-- kabupaten, year and file, for the workbook's info sheet and the deck's title slide. A document
-- counts when any of its positions passes the filters. Parameters: the shared filters ($filter).
SELECT DISTINCT kecamatan, kabupaten, tahun, berkas
FROM jabatan_terfilter($filter)
ORDER BY kecamatan, tahun, berkas
