DROP TABLE case_archive;
DROP TABLE personal_data_access;
