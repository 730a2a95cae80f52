-- PostgreSQL refuses updates of change reports with a trigger (vendor/postgresql/V2_3). H2 triggers need a
-- Java class; on the embedded default, immutability rests on the registry offering no update path.
select 1;
