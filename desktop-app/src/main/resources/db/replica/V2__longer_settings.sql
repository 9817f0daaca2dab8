-- Local preferences (saved views as one JSON list) outgrow the 4,000 characters the sync bookkeeping needed.
ALTER TABLE sync_meta ALTER COLUMN text_value SET DATA TYPE VARCHAR(1000000);
