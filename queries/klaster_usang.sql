-- The officers' decisions on the clusters of Harmonisasi (klaster.csv) that apply to nothing since the
-- last build, with the reason, in the file's order (a decision names a position, not a place: the
-- region filters do not apply). Parameters: none.
SELECT baris, tindakan, jabatan_baku, rumusan, dengan, alasan, oleh, pada, sebab
FROM klaster_usang
ORDER BY baris
