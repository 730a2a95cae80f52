-- diagnostics: item catalogue, recognised-item lists per jurisdiction, member code mapping, shared centres with
-- turnaround targets, QC records, reports with observations and study references, recognition decisions and
-- orders to a centre (issue 15). Other modules' records by ID only (no FKs).
create table diagnostics_item (
    code             varchar(40)   primary key,
    name             varchar(200)  not null,
    kind             varchar(12)   not null,
    unit             varchar(40),
    reference_range  varchar(80),
    list_price       numeric(12,2) not null,
    version          bigint        not null,
    updated_at       timestamp with time zone not null
);

create table diagnostics_list (
    id            uuid          primary key,
    jurisdiction  varchar(12)   not null,
    version       integer       not null,
    valid_from    date          not null,
    published_by  varchar(64)   not null,
    published_at  timestamp with time zone not null,
    constraint diagnostics_list_version unique (jurisdiction, version)
);

create table diagnostics_list_entry (
    list_id      uuid        not null,
    item_code    varchar(40) not null,
    window_days  integer,
    primary key (list_id, item_code)
);

create table diagnostics_code_map (
    institution_id  uuid        not null,
    member_code     varchar(60) not null,
    item_code       varchar(40) not null,
    primary key (institution_id, member_code)
);

create table diagnostics_centre (
    id              uuid         primary key,
    consortium_id   uuid         not null,
    institution_id  uuid         not null,
    centre_type     varchar(16)  not null,
    name            varchar(200) not null,
    created_by      varchar(64)  not null,
    created_at      timestamp with time zone not null
);
create index diagnostics_centre_consortium on diagnostics_centre (consortium_id);

create table diagnostics_centre_member (
    centre_id       uuid not null,
    institution_id  uuid not null,
    primary key (centre_id, institution_id)
);

create table diagnostics_centre_turnaround (
    centre_id  uuid        not null,
    kind       varchar(12) not null,
    hours      integer     not null,
    primary key (centre_id, kind)
);

create table diagnostics_qc (
    id              uuid         primary key,
    institution_id  uuid         not null,
    item_code       varchar(40)  not null,
    passed          boolean      not null,
    level           varchar(12)  not null,
    scope_label     varchar(40)  not null,
    valid_from      date         not null,
    valid_until     date         not null,
    recorded_by     varchar(64)  not null,
    recorded_at     timestamp with time zone not null
);
create index diagnostics_qc_lookup on diagnostics_qc (institution_id, item_code);

create table diagnostics_report (
    id                        uuid          primary key,
    resident_id               uuid          not null,
    item_code                 varchar(40)   not null,
    performer_institution_id  uuid          not null,
    order_id                  uuid,
    status                    varchar(12)   not null,
    result_date               date          not null,
    critical                  boolean       not null,
    recognition_mark          varchar(60),
    conclusion                varchar(2000),
    study_url                 varchar(500),
    recorded_by               varchar(64)   not null,
    recorded_at               timestamp with time zone not null,
    version                   bigint        not null
);
-- the recognition look-up: one resident, one item, newest first (sized for 10 million results)
create index diagnostics_report_lookup on diagnostics_report (resident_id, item_code, result_date);

create table diagnostics_observation (
    report_id        uuid         not null,
    seq              integer      not null,
    code             varchar(40)  not null,
    name             varchar(200) not null,
    obs_value        varchar(80)  not null,
    unit             varchar(40),
    reference_range  varchar(80),
    primary key (report_id, seq)
);

create table diagnostics_decision (
    id                        uuid          primary key,
    resident_id               uuid          not null,
    item_code                 varchar(40)   not null,
    ordering_institution_id   uuid          not null,
    report_id                 uuid,
    outcome                   varchar(12)   not null,
    reason_code               varchar(2),
    reason_text               varchar(1000),
    avoided_price             numeric(12,2) not null,
    decided_by                varchar(64)   not null,
    decided_at                timestamp with time zone not null
);
create index diagnostics_decision_institution on diagnostics_decision (ordering_institution_id, decided_at);

create table diagnostics_order (
    id                        uuid          primary key,
    resident_id               uuid          not null,
    item_code                 varchar(40)   not null,
    centre_id                 uuid          not null,
    ordering_institution_id   uuid          not null,
    ordered_by                varchar(64)   not null,
    status                    varchar(12)   not null,
    urgent                    boolean       not null,
    ordered_at                timestamp with time zone not null,
    due_at                    timestamp with time zone not null,
    received_at               timestamp with time zone,
    started_at                timestamp with time zone,
    finished_at               timestamp with time zone,
    escalated                 boolean       not null default false,
    report_id                 uuid,
    critical_due_at           timestamp with time zone,
    critical_acknowledged_at  timestamp with time zone,
    critical_acknowledged_by  varchar(64),
    critical_escalated        boolean       not null default false,
    version                   bigint        not null
);
create index diagnostics_order_centre on diagnostics_order (centre_id, status);
create index diagnostics_order_resident on diagnostics_order (resident_id);
