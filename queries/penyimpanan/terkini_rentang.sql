-- The current values of the indicators whose id lies from dari up to (not including) sampai: the ids of one
-- kecamatan and year share a prefix ("lumajang-2023-"), so a scope is read as a few ranges of the values' key.
SELECT indikator_id, kolom, nilai FROM nilai_terkini WHERE indikator_id >= :dari AND indikator_id < :sampai
