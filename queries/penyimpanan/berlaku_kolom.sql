-- Every value in force of one column. SQLite keeps nilai_berlaku in key order (kolom, indikator_id), so a column is
-- one range of it: the whole store is read a column at a time, and kolom is not sent with each of millions of rows.
SELECT indikator_id, nilai FROM nilai_berlaku WHERE kolom = :kolom
