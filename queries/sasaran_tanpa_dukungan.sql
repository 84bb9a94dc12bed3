-- The Camat's and Sekretaris' sasaran that no sasaran below supports (no node links to them), with the
-- indicators written under them, Camat first, in the documents' order. Parameters: $filter.
SELECT kecamatan, kabupaten, tahun, jabatan, jenis_jabatan, sasaran, indikator, daftar_indikator
FROM simpul_pohon($filter)
WHERE atas AND anak = 0
ORDER BY jenis_jabatan <> 'camat', kabupaten, kecamatan, tahun, urutan
