-- The assessment cycle (issue 17, decision 0240): a consortium's baseline, annual and final assessments with the lead
-- unit's self-assessment, the commission's external assessment and, once frozen, the snapshot it was judged on —
-- indicator values with numerator, denominator and source-record count, the rule packs in force with their version,
-- and the national checklist NAT-1…NAT-15. Frozen rows are never updated: later data change the live values only.
-- Consortia are referred to by ID and name as they stood; no foreign keys to other modules' tables.
create table indicators_assessment (
    id                uuid primary key,
    consortium_id     uuid          not null,
    consortium_name   varchar(300)  not null,
    district_code     varchar(6)    not null,
    kind              varchar(16)   not null,
    period_year       integer       not null,
    status            varchar(24)   not null,
    dimensions        varchar(40)   not null,
    created_by        varchar(100)  not null,
    created_by_name   varchar(200)  not null,
    created_at        timestamp with time zone not null,
    self_by           varchar(100),
    self_by_name      varchar(200),
    self_at           timestamp with time zone,
    return_reason     varchar(2000),
    external_by       varchar(100),
    external_by_name  varchar(200),
    external_at       timestamp with time zone,
    overall_rating    varchar(16),
    conclusion        varchar(4000),
    frozen_by         varchar(100),
    frozen_by_name    varchar(200),
    frozen_at         timestamp with time zone,
    constraint indicators_assessment_once unique (consortium_id, kind, period_year)
);

-- One dimension's rating by one side: SELF (the office, with evidence) or EXTERNAL (the commission).
create table indicators_assessment_rating (
    assessment_id uuid          not null,
    side          varchar(8)    not null,
    dimension     varchar(4)    not null,
    rating        varchar(16)   not null,
    score         integer,
    comment_text  varchar(2000),
    evidence      varchar(4000),
    evidence_ref  varchar(500),
    primary key (assessment_id, side, dimension)
);

-- Frozen indicator values: the headline (part = '') and its parts, as IndicatorsManagement gave them at freeze time.
create table indicators_assessment_value (
    assessment_id    uuid           not null,
    indicator        varchar(8)     not null,
    part             varchar(24)    not null,
    ordinal          integer        not null,
    numerator        numeric(20, 4) not null,
    denominator      numeric(20, 4) not null,
    indicator_value  numeric(20, 4),
    source_records   bigint         not null,
    computed_at      timestamp with time zone,
    target_rule      varchar(10),
    target_parameter varchar(40),
    comparison       varchar(10),
    target_value     numeric(20, 6),
    target_applies   boolean,
    target_clause    varchar(4000),
    target_met       boolean,
    primary key (assessment_id, indicator, part)
);

-- Frozen rule packs in force for the consortium's district, with their content version and parameter values.
create table indicators_assessment_pack (
    assessment_id uuid          not null,
    pack          varchar(8)    not null,
    ordinal       integer       not null,
    version       varchar(12)   not null,
    parameters    varchar(4000) not null,
    changed_at    timestamp with time zone,
    primary key (assessment_id, pack)
);

-- Frozen national checklist (texts in zh-CN as evaluated at freeze time; manual evidence joined).
create table indicators_assessment_criterion (
    assessment_id uuid          not null,
    criterion     varchar(8)    not null,
    ordinal       integer       not null,
    area          varchar(100)  not null,
    title         varchar(200)  not null,
    status        varchar(10)   not null,
    evidence      varchar(4000) not null,
    manual        varchar(4000) not null,
    tight_group   boolean       not null,
    primary key (assessment_id, criterion)
);
