-- PostgreSQL: writers of imports take turns (readers and undos go on), so the "already imported" check, the
-- import's number and its insert see the same store. SQLite gets the same from BEGIN IMMEDIATE.
LOCK TABLE impor IN SHARE ROW EXCLUSIVE MODE
