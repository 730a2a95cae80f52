-- consultation: recurring sessions at a host site (issue 14, CN-3): joint clinics (联合门诊), remote rounds (远程查房)
-- and nursing-home patrols (巡诊) as a series with its generated sessions, who attended, the residents seen and
-- cancellations (decision 0246). Other modules' records by ID only (no FKs).
create table consultation_series (
    id                       uuid primary key,
    kind                     varchar(24)  not null,
    title                    varchar(200) not null,
    host_institution_id      uuid         not null,
    host_district            varchar(6),
    visiting_institution_id  uuid         not null,
    department               varchar(100),
    agreement_id             uuid,
    consortium_id            uuid,
    recurrence               varchar(12)  not null,
    weekday                  smallint     not null,
    start_time               time         not null,
    duration_minutes         integer      not null,
    first_day                date         not null,
    last_day                 date         not null,
    created_by               varchar(64)  not null,
    created_at               timestamp with time zone not null
);

create table consultation_series_expert (
    series_id        uuid not null references consultation_series (id),
    practitioner_id  uuid not null,
    primary key (series_id, practitioner_id)
);

create table consultation_session (
    id                       uuid primary key,
    series_id                uuid         not null references consultation_series (id),
    starts_at                timestamp with time zone not null,
    ends_at                  timestamp with time zone not null,
    status                   varchar(10)  not null,
    note                     varchar(1000),
    recorded_by              varchar(64),
    recorded_at              timestamp with time zone,
    version                  bigint       not null default 0
);
create index consultation_session_series on consultation_session (series_id, starts_at);
create index consultation_session_starts on consultation_session (starts_at);

create table consultation_session_attendee (
    session_id       uuid not null references consultation_session (id),
    practitioner_id  uuid not null,
    primary key (session_id, practitioner_id)
);

create table consultation_session_patient (
    session_id   uuid not null references consultation_session (id),
    resident_id  uuid not null,
    primary key (session_id, resident_id)
);
