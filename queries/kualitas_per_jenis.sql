-- Indicator quality per position type: indicators, the type's score (the mean of its indicators'
-- scores) and how many meet every criterion; types in the vocabulary's order (`urutan`).
-- Parameters: the shared filters ($filter).
SELECT q.jenis_jabatan, count(*) AS indikator, round(avg(q.skor), 1) AS skor,
       count(*) FILTER (WHERE q.skor = 100) AS lolos_semua, any_value(r.urutan) AS urutan
FROM kualitas_terfilter($filter) q JOIN ref_jenis_jabatan r ON r.kode = q.jenis_jabatan
GROUP BY q.jenis_jabatan
ORDER BY urutan
