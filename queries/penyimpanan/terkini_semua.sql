-- Every current value (the whole store).
SELECT indikator_id, kolom, nilai FROM nilai_terkini
