-- issue 12 / P-1: the resident name search is a prefix range (name >= :from and name < :to, ResidentStore).
-- Under a linguistic collation a range of that collation is not the set of strings with the prefix, and a
-- LIKE with a bound pattern never uses a btree; under "C" (code point order) the range is exactly the prefix
-- and the existing btree residents_resident_name answers it (docs/decisions/0141). Rebuilds the name indexes.
alter table residents_resident alter column name type varchar(100) collate "C";
