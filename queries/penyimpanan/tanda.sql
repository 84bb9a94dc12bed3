-- What changes with every import and undo, in one small query: how many imports, the latest one's number, how
-- many undos. The app keys its cached values by it.
SELECT (SELECT count(*) FROM impor) AS impor, (SELECT max(nomor) FROM impor) AS terakhir,
       (SELECT count(*) FROM pembatalan) AS dibatalkan
