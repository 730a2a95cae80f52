-- Encounter facts from member HIS (issue 17) and their per-institution per-day rollup. A fact is identified by
-- (institution, source record id): a resend with other values is a correction (revision + 1). The day rollup is
-- rewritten for every (institution, day) an ingest touches, in the same transaction; months, quarters, years,
-- consortia and districts are sums of day rows at query time.
create table indicators_encounter (
    id                  uuid primary key,
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
    constraint indicators_encounter_source unique (institution_id, source_record_id)
);

create index indicators_encounter_day on indicators_encounter (institution_id, local_day);

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
    primary key (institution_id, local_day)
);
