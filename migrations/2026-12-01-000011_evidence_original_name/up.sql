-- Evidence keeps two names: the one the applicant's device sent, shown (escaped) to people,
-- and a safe one (no path, no control or invisible characters, the extension of its checked
-- type) used for downloads and anything that touches a file system.
ALTER TABLE evidence ADD COLUMN original_name TEXT;
UPDATE evidence SET original_name = file_name;
ALTER TABLE evidence ALTER COLUMN original_name SET NOT NULL;
