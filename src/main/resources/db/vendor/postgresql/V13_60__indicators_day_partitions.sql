-- Issue 17 / P-4 (decision 0263): the day rollup partitioned by month of its local day, like the facts, so that a full
-- recompute of whole months empties them with TRUNCATE of their partitions instead of deleting every row (the delete
-- cost as much as writing the new rows). The primary key (institution, day) contains the partition key. A month's
-- day partition is created with the month's fact partition (indicators_encounter_ensure_month), so a refresh always
-- finds it. Existing day rows are copied into the partitions.
alter table indicators_day rename to indicators_day_unpartitioned;
alter table indicators_day_unpartitioned rename constraint indicators_day_pkey to indicators_day_unpartitioned_pkey;

create table indicators_day (
    institution_id    uuid          not null,
    local_day         date          not null,
    primary_care      boolean       not null,
    visits            bigint        not null,
    discharges        bigint        not null,
    bed_days          bigint        not null,
    operations        bigint        not null,
    level4_operations bigint        not null,
    drg_weight_sum    numeric(18, 4) not null,
    drg_discharges    bigint        not null,
    source_records    bigint        not null,
    computed_at       timestamp with time zone not null,
    constraint indicators_day_pkey primary key (institution_id, local_day)
) partition by range (local_day);

-- Both partitions of a month, [first day, first day of the next month); true when the facts' partition was created.
create or replace function indicators_encounter_ensure_month(month_day date) returns boolean language plpgsql as $$
declare
    first_day date := date_trunc('month', month_day)::date;
    next_first date := (date_trunc('month', month_day) + interval '1 month')::date;
    name text := 'indicators_encounter_p' || to_char(first_day, 'YYYY_MM');
    day_name text := 'indicators_day_p' || to_char(first_day, 'YYYY_MM');
    created boolean := false;
begin
    if to_regclass(day_name) is null then
        begin
            execute format('create table if not exists %I partition of indicators_day for values from (%L) to (%L)',
                           day_name, first_day, next_first);
        exception when duplicate_table then
            null; -- created by a concurrent transaction
        end;
    end if;
    if to_regclass(name) is null then
        begin
            execute format('create table if not exists %I partition of indicators_encounter for values from (%L) to (%L)',
                           name, first_day, next_first);
            created := true;
        exception when duplicate_table then
            null;
        end;
    end if;
    return created;
end $$;

-- every month with facts (a partition) or day rows
select indicators_encounter_ensure_month(to_date(substring(c.relname from 'p([0-9]{4}_[0-9]{2})$'), 'YYYY_MM'))
from pg_inherits i join pg_class c on c.oid = i.inhrelid
where i.inhparent = 'indicators_encounter'::regclass;

select indicators_encounter_ensure_month(m)
from (select distinct date_trunc('month', local_day)::date as m from indicators_day_unpartitioned) d;

insert into indicators_day (institution_id, local_day, primary_care, visits, discharges, bed_days, operations,
    level4_operations, drg_weight_sum, drg_discharges, source_records, computed_at)
select institution_id, local_day, primary_care, visits, discharges, bed_days, operations, level4_operations,
    drg_weight_sum, drg_discharges, source_records, computed_at
from indicators_day_unpartitioned;

drop table indicators_day_unpartitioned;
