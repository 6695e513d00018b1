DROP TABLE case_element_answers;
