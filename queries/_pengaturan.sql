-- Connection settings, run once per connection after the views over the tables' files are made.
-- Each Parquet file's footer is read once, not on every question (hundreds of kabupaten files).
SET parquet_metadata_cache = true;
