-- Student search (People#searchStudents) matches student_number LIKE 'prefix%' or name LIKE
-- '%part%' within the viewer's scope (class_id, id) and returns a page ordered by student_number
-- with the count of all matches. An infix LIKE rules out a range scan, so a name search reads
-- every student. This index holds every column the statement reads (the row key comes with it),
-- so H2 scans it instead of the table and joins class_group to it without fetching each student
-- row from the primary index (bench/README.md: p50 371 -> 94 ms before the query itself was
-- reworked; the same columns in student_number order were 2.5x slower). PostgreSQL keeps its
-- plans. Portable: H2 2.x, PostgreSQL 15.
CREATE INDEX student_search ON student (class_id, student_number, name, gender);
