-- PostgreSQL partitions indicators_encounter by month (vendor/postgresql/V13_30, decision 0248). H2 has no
-- declarative partitioning; the embedded default keeps the one table with its unique (institution, source record id).
select 1;
