-- Issue 17: a discharge's DRG group (e.g. CHS-DRG "FM19") beside its relative weight, so a drill-down shows what the
-- weight belongs to. Optional and inpatient only, as the weight. On PostgreSQL the partitions inherit the column.
alter table indicators_encounter add column drg_group varchar(10);
