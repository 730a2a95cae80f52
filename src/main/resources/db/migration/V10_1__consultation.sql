-- consultation: remote and inter-hospital consultations (远程会诊 / 院际会诊 / MDT / 联合门诊 / 远程查房), their
-- recorded steps and their conversation. Other modules' records by ID only (no FKs).
create table consultation_consultation (
    id                     uuid primary key,
    number                 varchar(20)   not null unique,
    type                   varchar(20)   not null,
    urgency                varchar(10)   not null,
    status                 varchar(20)   not null,
    from_institution_id    uuid          not null,
    from_practitioner_id   uuid,
    from_username          varchar(64)   not null,
    to_institution_id      uuid          not null,
    to_department          varchar(100),
    expert_practitioner_id uuid,
    consortium_id          uuid,
    resident_id            uuid          not null,
    resident_name          varchar(100),
    reason                 varchar(1000) not null,
    purpose                varchar(1000) not null,
    proposed_time          timestamp with time zone not null,
    record_summary         varchar(4000) not null,
    invited_specialty      varchar(100)  not null,
    invited_title          varchar(100)  not null,
    consent_signer         varchar(20)   not null,
    consent_signer_name    varchar(100),
    consent_reason         varchar(1000),
    consent_signed_on      date          not null,
    conversion_authorised  boolean       not null default false,
    decide_by              timestamp with time zone not null,
    expires_at             timestamp with time zone not null,
    escalated              boolean       not null default false,
    escalated_at           timestamp with time zone,
    session_at             timestamp with time zone,
    decline_reason         varchar(1000),
    opinion                varchar(8000),
    opinion_drafted_by     varchar(64),
    opinion_signed_by      varchar(64),
    opinion_signed_at      timestamp with time zone,
    acknowledged_by        varchar(64),
    acknowledged_at        timestamp with time zone,
    referral_id            uuid,
    version                bigint        not null default 0,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);
create index consultation_from on consultation_consultation (from_institution_id, created_at);
create index consultation_to on consultation_consultation (to_institution_id, status, decide_by);
create index consultation_resident on consultation_consultation (resident_id, to_institution_id);
create index consultation_deadline on consultation_consultation (status, decide_by);
create sequence consultation_number_seq start with 1;

create table consultation_step (
    id              uuid primary key,
    consultation_id uuid         not null references consultation_consultation (id),
    action          varchar(20)  not null,
    from_status     varchar(20),
    to_status       varchar(20)  not null,
    actor           varchar(64)  not null,
    at              timestamp with time zone not null,
    note            varchar(8000),
    institution_id  uuid
);
create index consultation_step_of on consultation_step (consultation_id, at);

create table consultation_message (
    id              uuid primary key,
    consultation_id uuid          not null references consultation_consultation (id),
    in_reply_to     uuid          references consultation_message (id),
    author          varchar(64)   not null,
    institution_id  uuid          not null,
    body            varchar(4000) not null,
    created_at      timestamp with time zone not null
);
create index consultation_message_of on consultation_message (consultation_id, created_at);
