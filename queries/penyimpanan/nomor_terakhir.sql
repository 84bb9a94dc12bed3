-- The highest import number so far (NULL when there is none): a new import is numbered after it.
SELECT max(nomor) FROM impor
