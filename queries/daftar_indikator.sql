-- The indicator table under the filters, with free-text search ($cari: words that must all appear in
-- the indicator, formula or sasaran), one page at a time ($mulai rows skipped, at most $baris rows;
-- $baris NULL for all of them, the whole table's download); `skor` is the indicator's quality score
-- (queries/_kualitas.sql), read for the page's rows only; `dikoreksi` names the columns an officer
-- corrected. Parameters: the shared filters ($filter), $cari (VARCHAR), $mulai, $baris.
WITH halaman AS (
    SELECT * FROM indikator_terfilter($filter)
    WHERE cocok_cari($cari, indikator, formula, sasaran)
    ORDER BY kecamatan, kabupaten, tahun, urutan_baris
    LIMIT $baris OFFSET $mulai
)
SELECT h.kecamatan, h.tahun, h.jabatan_urutan, h.jabatan, h.jabatan_baku, h.jenis_jabatan, h.bidang, h.sasaran, h.indikator,
       s.skor, h.formula, h.kategori_formula, h.satuan, h.polaritas, h.target, h.target_satuan, h.sumber_data, h.dikoreksi,
       h.indikator_id
FROM halaman h LEFT JOIN skor_kualitas($filter) s ON s.kabupaten = h.kabupaten AND s.indikator_id = h.indikator_id
ORDER BY h.kecamatan, h.kabupaten, h.tahun, h.urutan_baris
