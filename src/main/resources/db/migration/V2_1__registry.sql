-- registry: districts (GB/T 2260), grids, institutions, practitioners, consortia, memberships,
-- agreements, dispatches, work logs and the immutable change reports (SH-10). No foreign keys to
-- other modules' tables; within the module, references are enforced here.

create table registry_district (
    code        varchar(6)   primary key,
    name        varchar(60)  not null,
    parent_code varchar(6)   references registry_district (code),
    county      boolean      not null default false,
    population  bigint       not null default 0
);

create table registry_grid (
    id            uuid         primary key,
    code          varchar(40)  not null unique,
    name          varchar(100) not null,
    district_code varchar(6)   not null references registry_district (code),
    population    bigint       not null default 0,
    created_at    timestamp with time zone not null,
    created_by    varchar(64)  not null
);
create index registry_grid_district on registry_grid (district_code);

create table registry_grid_street (
    grid_id  uuid         not null references registry_grid (id),
    position integer      not null,
    street   varchar(100) not null,
    primary key (grid_id, position)
);

create table registry_institution (
    id                      uuid         primary key,
    name                    varchar(200) not null,
    credit_code             varchar(18)  not null unique,
    category                varchar(40)  not null,
    level                   varchar(20)  not null,
    grade                   varchar(20)  not null,
    ownership               varchar(20)  not null,
    owner_body              varchar(200),
    affiliation             varchar(20)  not null,
    tcm                     boolean      not null default false,
    district_code           varchar(6)   not null references registry_district (code),
    grid_id                 uuid         references registry_grid (id),
    parent_id               uuid         references registry_institution (id),
    regional_medical_centre boolean      not null default false,
    address                 varchar(300),
    version                 bigint       not null default 0,
    created_at              timestamp with time zone not null,
    created_by              varchar(64)  not null,
    updated_at              timestamp with time zone not null,
    updated_by              varchar(64)  not null
);
create index registry_institution_district on registry_institution (district_code);
create index registry_institution_name on registry_institution (name);

create table registry_institution_campus (
    institution_id uuid         not null references registry_institution (id),
    position       integer      not null,
    district_code  varchar(6)   not null references registry_district (code),
    name           varchar(200) not null,
    planned        boolean      not null default false,
    primary key (institution_id, position)
);

create table registry_institution_key_specialty (
    institution_id uuid         not null references registry_institution (id),
    position       integer      not null,
    discipline     varchar(100) not null,
    level          varchar(20)  not null,
    primary key (institution_id, position)
);

create table registry_practitioner (
    id                   uuid         primary key,
    name                 varchar(100) not null,
    institution_id       uuid         not null references registry_institution (id),
    profession           varchar(20)  not null,
    title                varchar(20)  not null,
    title_date           date,
    discipline           varchar(100),
    general_practitioner boolean      not null default false,
    paediatrician        boolean      not null default false,
    version              bigint       not null default 0,
    created_at           timestamp with time zone not null,
    created_by           varchar(64)  not null,
    updated_at           timestamp with time zone not null
);
create index registry_practitioner_institution on registry_practitioner (institution_id);

create table registry_study_period (
    id                  uuid        primary key,
    practitioner_id     uuid        not null references registry_practitioner (id),
    host_institution_id uuid        not null references registry_institution (id),
    start_date          date        not null,
    end_date            date        not null,
    created_at          timestamp with time zone not null,
    created_by          varchar(64) not null
);
create index registry_study_period_practitioner on registry_study_period (practitioner_id);

create table registry_consortium (
    id                    uuid         primary key,
    name                  varchar(200) not null unique,
    form                  varchar(30)  not null,
    tight                 boolean      not null default false,
    governance            varchar(40),
    district_code         varchar(6)   not null references registry_district (code),
    established_on        date         not null,
    dissolved_on          date,
    dissolution_reason    varchar(1000),
    active                boolean      not null default true,
    cross_province        boolean      not null default false,
    owner_approved_on     date,
    management_office     boolean      not null default false,
    quality_control_group boolean      not null default false,
    version               bigint       not null default 0,
    created_at            timestamp with time zone not null,
    created_by            varchar(64)  not null,
    updated_at            timestamp with time zone not null
);
create index registry_consortium_district on registry_consortium (district_code);

create table registry_consortium_centre (
    consortium_id uuid        not null references registry_consortium (id),
    position      integer     not null,
    centre        varchar(40) not null,
    primary key (consortium_id, position)
);

create table registry_consortium_grid (
    consortium_id uuid not null references registry_consortium (id),
    grid_id       uuid not null references registry_grid (id),
    primary key (consortium_id, grid_id)
);

-- memberships are ended, never deleted
create table registry_membership (
    id              uuid         primary key,
    consortium_id   uuid         not null references registry_consortium (id),
    institution_id  uuid         not null references registry_institution (id),
    role            varchar(30)  not null,
    basis           varchar(30)  not null,
    start_date      date         not null,
    end_date        date,
    end_reason      varchar(1000),
    lead_discipline varchar(100),
    created_at      timestamp with time zone not null,
    created_by      varchar(64)  not null
);
create index registry_membership_consortium on registry_membership (consortium_id);
create index registry_membership_institution on registry_membership (institution_id);

create table registry_agreement (
    id               uuid         primary key,
    consortium_id    uuid         not null references registry_consortium (id),
    type             varchar(20)  not null,
    title            varchar(200) not null,
    term_start       date         not null,
    term_end         date,
    signed_on        date,
    responsibilities varchar(4000),
    rights           varchar(4000),
    benefits         varchar(4000),
    benefit_sharing  varchar(4000),
    created_at       timestamp with time zone not null,
    created_by       varchar(64)  not null
);
create index registry_agreement_consortium on registry_agreement (consortium_id);

create table registry_agreement_party (
    agreement_id   uuid    not null references registry_agreement (id),
    position       integer not null,
    institution_id uuid    not null references registry_institution (id),
    primary key (agreement_id, position)
);

create table registry_dispatch (
    id                  uuid         primary key,
    consortium_id       uuid         not null references registry_consortium (id),
    practitioner_id     uuid         not null references registry_practitioner (id),
    from_institution_id uuid         not null references registry_institution (id),
    to_institution_id   uuid         not null references registry_institution (id),
    kind                varchar(20)  not null,
    manager_role        varchar(30),
    discipline          varchar(100),
    start_date          date         not null,
    end_date            date,
    weekly_days         integer      not null,
    agreement_id        uuid         references registry_agreement (id),
    created_at          timestamp with time zone not null,
    created_by          varchar(64)  not null
);
create index registry_dispatch_consortium on registry_dispatch (consortium_id);

create table registry_work_log (
    id          uuid         primary key,
    dispatch_id uuid         not null references registry_dispatch (id),
    work_date   date         not null,
    hours       double precision not null,
    note        varchar(1000),
    created_at  timestamp with time zone not null,
    created_by  varchar(64)  not null,
    unique (dispatch_id, work_date)
);

-- 医疗联合体建设报告表: immutable (SH-10). The application has no update path; on PostgreSQL a trigger
-- (vendor/postgresql/V2_3) refuses updates and deletes as well.
create sequence registry_change_report_seq start with 1 increment by 1;

create table registry_change_report (
    id                       uuid          primary key,
    number                   varchar(20)   not null unique,
    consortium_id            uuid          not null references registry_consortium (id),
    consortium_name          varchar(200)  not null,
    consortium_form          varchar(30)   not null,
    change_type              varchar(20)   not null,
    reporting_institution_id uuid          references registry_institution (id),
    recipients               varchar(1000) not null,
    summary                  varchar(2000) not null,
    snapshot                 varchar(1000000) not null,
    reported_at              timestamp with time zone not null,
    reported_by              varchar(64)   not null
);
create index registry_change_report_consortium on registry_change_report (consortium_id);
