DROP INDEX cases_created_by_idx;
