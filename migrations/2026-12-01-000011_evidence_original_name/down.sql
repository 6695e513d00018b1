ALTER TABLE evidence DROP COLUMN original_name;
