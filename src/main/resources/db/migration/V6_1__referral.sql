-- referral: two-way referrals (双向转诊), their transitions, attachments, criteria, downward care plans,
-- closed-loop feedback and the CN-3 / CN-4 routing tables. Other modules' records by ID only (no FKs).
create table referral_referral (
    id                    uuid primary key,
    number                varchar(20)  not null unique,
    direction             varchar(10)  not null,
    from_institution_id   uuid         not null,
    from_practitioner_id  uuid,
    from_username         varchar(64)  not null,
    to_institution_id     uuid,
    to_department         varchar(100),
    to_desk               boolean      not null default false,
    resident_id           uuid         not null,
    resident_id_number    varchar(18),
    resident_name         varchar(100),
    consortium_id         uuid,
    contract_id           uuid,
    reason                varchar(1000) not null,
    diagnosis_code        varchar(10)  not null,
    diagnosis_text        varchar(200) not null,
    urgency               varchar(10)  not null,
    clinical_summary      varchar(4000),
    criteria_met          varchar(1000),
    no_criteria_reason    varchar(1000),
    status                varchar(12)  not null,
    submitted_at          timestamp with time zone,
    acceptance_deadline   timestamp with time zone,
    escalated             boolean      not null default false,
    escalated_at          timestamp with time zone,
    booking_kind          varchar(10),
    booking_id            uuid,
    priority_visit        boolean      not null default false,
    priority_exam         boolean      not null default false,
    priority_admission    boolean      not null default false,
    destination_type      varchar(24),
    routing_finding       varchar(500),
    rejection_reason      varchar(30),
    rejection_text        varchar(1000),
    version               bigint       not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null
);
create index referral_referral_from on referral_referral (from_institution_id, status);
create index referral_referral_to on referral_referral (to_institution_id, status);
create index referral_referral_consortium on referral_referral (consortium_id, status);
create index referral_referral_resident on referral_referral (resident_id);
create index referral_referral_deadline on referral_referral (status, acceptance_deadline);

create sequence referral_number_seq start with 1;

create table referral_transition (
    id            uuid primary key,
    referral_id   uuid         not null references referral_referral (id),
    action        varchar(12)  not null,
    from_status   varchar(12),
    to_status     varchar(12)  not null,
    actor         varchar(64)  not null,
    at            timestamp with time zone not null,
    reason        varchar(1000),
    institution_id uuid
);
create index referral_transition_referral on referral_transition (referral_id, at);

create table referral_attachment (
    id            uuid primary key,
    referral_id   uuid         not null references referral_referral (id),
    kind          varchar(20)  not null,
    title         varchar(200) not null,
    reference     varchar(500),
    created_at    timestamp with time zone not null
);
create index referral_attachment_referral on referral_attachment (referral_id);

create table referral_criterion (
    id                uuid primary key,
    consortium_id     uuid         not null,
    direction         varchar(10)  not null,
    department        varchar(100),
    diagnosis_prefix  varchar(10),
    text              varchar(1000) not null,
    active            boolean      not null default true,
    version           bigint       not null,
    created_by        varchar(64)  not null,
    created_at        timestamp with time zone not null
);
create index referral_criterion_consortium on referral_criterion (consortium_id, direction);

create table referral_care_plan (
    id            uuid primary key,
    referral_id   uuid         not null unique references referral_referral (id),
    plan          varchar(4000) not null,
    created_by    varchar(64)  not null,
    created_at    timestamp with time zone not null
);

create table referral_follow_up_task (
    id              uuid primary key,
    referral_id     uuid         not null references referral_referral (id),
    description     varchar(1000) not null,
    due_date        date         not null,
    assigned_practitioner_id uuid,
    assigned_team_id uuid,
    done            boolean      not null default false,
    done_at         timestamp with time zone,
    done_by         varchar(64)
);
create index referral_follow_up_task_referral on referral_follow_up_task (referral_id);

create table referral_medication (
    id            uuid primary key,
    referral_id   uuid         not null references referral_referral (id),
    drug          varchar(200) not null,
    dose          varchar(100),
    frequency     varchar(100),
    days          integer,
    note          varchar(500)
);
create index referral_medication_referral on referral_medication (referral_id);

create table referral_feedback (
    id            uuid primary key,
    referral_id   uuid         not null unique references referral_referral (id),
    summary       varchar(4000) not null,
    returned_by   varchar(64)  not null,
    returned_at   timestamp with time zone not null
);

-- CN-3: district emergency zones (east / central / west), each backed by one hospital; nursing homes mapped to zones
create table referral_zone (
    id                   uuid primary key,
    district_code        varchar(6)   not null,
    zone                 varchar(10)  not null,
    backing_hospital_id  uuid         not null,
    unique (district_code, zone)
);

create table referral_zone_member (
    institution_id  uuid primary key,
    zone_id         uuid not null references referral_zone (id)
);

-- CN-4: hospice centres — the regional centre with institutional beds, other centres with home hospice beds
create table referral_hospice_centre (
    institution_id  uuid primary key,
    district_code   varchar(6)  not null,
    kind            varchar(14) not null
);

create table referral_idempotency (
    idempotency_key varchar(100) not null,
    username        varchar(64)  not null,
    referral_id     uuid         not null,
    created_at      timestamp with time zone not null,
    primary key (idempotency_key, username)
);
