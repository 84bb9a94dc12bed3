-- PostgreSQL's bulk path for the values of many imports: CSV rows on the connection, one statement.
COPY nilai_impor (nomor_impor, indikator_id, kolom, nilai) FROM STDIN (FORMAT csv)
