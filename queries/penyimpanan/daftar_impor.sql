-- Every import, newest first, with its undo when there is one.
SELECT i.nomor, i.impor_id, i.berkas, i.sha256, i.diimpor_pada, i.baris, i.nilai, i.sumber, i.oleh,
       b.dibatalkan_pada, b.oleh AS dibatalkan_oleh
FROM impor AS i
LEFT JOIN pembatalan AS b ON b.nomor_impor = i.nomor
ORDER BY i.nomor DESC
