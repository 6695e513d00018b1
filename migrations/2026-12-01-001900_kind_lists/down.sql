-- The earlier migrations' own down steps restate their lists.
SELECT 1;
