-- The indicators of one canonical position ($pilihan_jabatan) or one field ($pilihan_bidang) side by side
-- across kecamatan (a kecamatan is its name within its kabupaten/kota: names repeat across the country),
-- each wording once per kecamatan: the same words under several holders of the position, or in the
-- documents of several years, are one row (`tercantum`: how many rows it stands for; `tahun`: its years;
-- the rest from the latest document, its quality score too). With how many kecamatan and documents are compared.
-- Which indicators of different kecamatan measure the same thing is decided on these rows by
-- kinerja/similarity.py.
-- Parameters: the shared filters ($filter), $pilihan_jabatan, $pilihan_bidang (VARCHAR; empty = not used).
WITH dipilih AS (
    SELECT *, lower(regexp_replace(trim(indikator), '\s+', ' ', 'g')) AS rumusan FROM indikator_terfilter($filter)
    WHERE ($pilihan_jabatan = '' OR jabatan_baku = $pilihan_jabatan)
      AND ($pilihan_bidang = '' OR bidang = $pilihan_bidang)
), per_rumusan AS (
    SELECT kabupaten, kecamatan, rumusan, count(*) AS tercantum,
           string_agg(DISTINCT tahun::VARCHAR, ', ' ORDER BY tahun::VARCHAR) AS tahun
    FROM dipilih
    GROUP BY kabupaten, kecamatan, rumusan
), wakil AS (
    SELECT * FROM dipilih
    QUALIFY row_number() OVER (PARTITION BY kabupaten, kecamatan, rumusan ORDER BY tahun DESC, urutan_baris) = 1
)
SELECT w.indikator_id, w.kecamatan, w.kabupaten, r.tahun, w.jabatan_baku, w.sasaran, w.indikator, w.kategori_formula,
       w.formula, w.target, w.target_satuan, r.tercantum, s.skor,
       count(DISTINCT (w.kabupaten, w.kecamatan)) OVER () AS kecamatan_dibandingkan,
       (SELECT count(DISTINCT (kabupaten, kecamatan, tahun)) FROM dipilih) AS dokumen_dibandingkan
FROM wakil w JOIN per_rumusan r USING (kabupaten, kecamatan, rumusan)
LEFT JOIN skor_kualitas($filter) s ON s.kabupaten = w.kabupaten AND s.indikator_id = w.indikator_id
ORDER BY w.kecamatan, w.kabupaten, w.urutan_baris
