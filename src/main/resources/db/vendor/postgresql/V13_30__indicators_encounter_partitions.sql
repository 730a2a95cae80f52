-- Issue 17 / P-3, P-4 (decision 0248): encounter facts partitioned by month of their local day, so a day's or a
-- month's refresh reads one partition and old months can be detached and archived. PostgreSQL requires every unique
-- index of a partitioned table to contain the partition key, so the identity of a fact, (institution, source record
-- id), moves to indicators_encounter_key, kept by statement triggers: a second fact with the same key fails the
-- whole statement, as the unique constraint did before. Existing facts are copied into the partitions.
alter table indicators_encounter rename to indicators_encounter_unpartitioned;
alter table indicators_encounter_unpartitioned rename constraint indicators_encounter_source to indicators_encounter_unpartitioned_source;
alter table indicators_encounter_unpartitioned rename constraint indicators_encounter_pkey to indicators_encounter_unpartitioned_pkey;
alter index indicators_encounter_day rename to indicators_encounter_unpartitioned_day;

create table indicators_encounter (
    id                  uuid          not null,
    institution_id      uuid          not null,
    source_record_id    varchar(64)   not null,
    kind                varchar(16)   not null,
    occurred_at         timestamp with time zone not null,
    local_day           date          not null,
    admitted_at         timestamp with time zone,
    bed_days            integer       not null default 0,
    operations          integer       not null default 0,
    level4_operations   integer       not null default 0,
    drg_weight          numeric(9, 4),
    principal_diagnosis varchar(16),
    resident_id         uuid,
    revision            integer       not null,
    received_at         timestamp with time zone not null,
    constraint indicators_encounter_pkey primary key (id, local_day)
) partition by range (local_day);

-- drill-downs and per-(institution, day) refreshes; the ingest's look-up by source record id; a day's or a range's
-- refresh within a month (facts arrive roughly in time order, so a BRIN range is small and nearly free to keep)
create index indicators_encounter_day on indicators_encounter (institution_id, local_day);
create index indicators_encounter_source on indicators_encounter (institution_id, source_record_id);
create index indicators_encounter_local_day on indicators_encounter using brin (local_day);

create table indicators_encounter_key (
    institution_id   uuid        not null,
    source_record_id varchar(64) not null,
    constraint indicators_encounter_key_pkey primary key (institution_id, source_record_id)
);

create function indicators_encounter_key_added() returns trigger language plpgsql as $$
begin
    insert into indicators_encounter_key (institution_id, source_record_id)
    select institution_id, source_record_id from added;
    return null;
end $$;

create function indicators_encounter_key_removed() returns trigger language plpgsql as $$
begin
    delete from indicators_encounter_key k using removed r
    where k.institution_id = r.institution_id and k.source_record_id = r.source_record_id;
    return null;
end $$;

create trigger indicators_encounter_key_insert after insert on indicators_encounter
    referencing new table as added for each statement execute function indicators_encounter_key_added();
create trigger indicators_encounter_key_delete after delete on indicators_encounter
    referencing old table as removed for each statement execute function indicators_encounter_key_removed();

-- One partition per calendar month, [first day, first day of the next month); created if missing. The application
-- calls it for the months of every batch it writes and, daily, for the months ahead (EncounterPartitions).
create function indicators_encounter_ensure_month(month_day date) returns boolean language plpgsql as $$
declare
    first_day date := date_trunc('month', month_day)::date;
    name text := 'indicators_encounter_p' || to_char(first_day, 'YYYY_MM');
begin
    if to_regclass(name) is not null then
        return false;
    end if;
    execute format('create table if not exists %I partition of indicators_encounter for values from (%L) to (%L)',
                   name, first_day, (first_day + interval '1 month')::date);
    return true;
exception when duplicate_table then
    return false; -- created by a concurrent transaction
end $$;

select indicators_encounter_ensure_month(m::date)
from generate_series(
        date_trunc('month', least(coalesce((select min(local_day) from indicators_encounter_unpartitioned), current_date), current_date)),
        date_trunc('month', current_date + interval '3 months'),
        interval '1 month') m;

insert into indicators_encounter (id, institution_id, source_record_id, kind, occurred_at, local_day, admitted_at,
    bed_days, operations, level4_operations, drg_weight, principal_diagnosis, resident_id, revision, received_at)
select id, institution_id, source_record_id, kind, occurred_at, local_day, admitted_at, bed_days, operations,
    level4_operations, drg_weight, principal_diagnosis, resident_id, revision, received_at
from indicators_encounter_unpartitioned;

drop table indicators_encounter_unpartitioned;
