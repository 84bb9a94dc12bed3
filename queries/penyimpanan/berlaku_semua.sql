-- Every value in force, in one pass over the table (PostgreSQL: its rows lie in the order they were written).
SELECT indikator_id, kolom, nilai FROM nilai_berlaku
