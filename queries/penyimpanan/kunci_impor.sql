-- PostgreSQL: writers (imports, undos, the store's first filling) take turns while readers go on, so the "already
-- imported" check, the import's number, its insert and the values in force (nilai_berlaku) all see the same store.
-- SQLite gets the same from BEGIN IMMEDIATE.
LOCK TABLE impor IN SHARE ROW EXCLUSIVE MODE
