-- The values in force of the indicators whose id lies from dari up to (not including) sampai: the ids of one
-- kecamatan and year share a prefix ("lumajang-2023-"), so a scope is read as a few ranges, one short range of the
-- key (kolom, indikator_id) per column.
SELECT indikator_id, kolom, nilai
FROM nilai_berlaku
WHERE kolom IN :kolom AND indikator_id >= :dari AND indikator_id < :sampai
