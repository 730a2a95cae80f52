-- issue 12 / P-1: H2 compares strings by UTF-16 code unit already, so the prefix range of ResidentStore is
-- answered by the btree residents_resident_name as it is; nothing to change (the PostgreSQL file sets "C").
select 1;
