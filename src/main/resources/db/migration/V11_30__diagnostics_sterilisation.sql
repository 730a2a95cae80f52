-- diagnostics: the sterilisation centre (消毒供应中心, SC-7) — pack types per centre, batches (lots) with indicator
-- results and recall, and the append-only inventory log of packs issued to and returned by members. Stock is derived
-- from the log, never stored. No resident data.
create table diagnostics_steril_pack_type (
    id               uuid         primary key,
    centre_id        uuid         not null,
    name             varchar(100) not null,
    method           varchar(24)  not null,
    shelf_life_days  integer      not null,
    created_by       varchar(64)  not null,
    created_at       timestamp with time zone not null,
    constraint diagnostics_steril_pack_type_name unique (centre_id, name)
);

create table diagnostics_steril_batch (
    id                    uuid         primary key,
    centre_id             uuid         not null,
    pack_type_id          uuid         not null,
    load_number           varchar(40)  not null,
    quantity              integer      not null,
    method                varchar(24)  not null,
    sterilised_at         timestamp with time zone not null,
    expires_on            date         not null,
    chemical_indicator    varchar(8)   not null,
    biological_indicator  varchar(8)   not null,
    recalled_at           timestamp with time zone,
    recall_reason         varchar(200),
    recorded_by           varchar(64)  not null,
    recorded_at           timestamp with time zone not null,
    constraint diagnostics_steril_batch_load unique (centre_id, load_number, pack_type_id)
);
create index diagnostics_steril_batch_centre on diagnostics_steril_batch (centre_id, sterilised_at);

create table diagnostics_steril_log (
    id              uuid        primary key,
    batch_id        uuid        not null,
    institution_id  uuid        not null,
    move            varchar(8)  not null,
    quantity        integer     not null,
    pack_condition  varchar(8),
    recorded_by     varchar(64) not null,
    recorded_at     timestamp with time zone not null
);
create index diagnostics_steril_log_batch on diagnostics_steril_log (batch_id);
create index diagnostics_steril_log_member on diagnostics_steril_log (institution_id, recorded_at);
