-- Scheduling: schedules, slots, bookings, idempotency records (product.md §4, NN-4, R-1, R-4).
create table scheduling_schedule (
    id                   uuid primary key,
    institution_id       uuid not null,          -- registry InstitutionId (no cross-module FK)
    department           varchar(100) not null,
    discipline           varchar(100),
    practitioner_id      uuid,                   -- registry PractitionerId
    kind                 varchar(30) not null,
    period_start         date not null,
    period_end           date not null,          -- inclusive last day
    reserved_numerator   integer not null,
    reserved_denominator integer not null,
    release_lead_time    varchar(30) not null,   -- ISO-8601 duration, e.g. PT24H
    slot_count           integer not null,
    reserved_count       integer not null,
    created_at           timestamp with time zone not null,
    created_by           varchar(100) not null,
    constraint scheduling_schedule_kind check (kind in ('OUTPATIENT_EXPERT', 'OUTPATIENT_SPECIALTY', 'INPATIENT_BED', 'EXAM')),
    constraint scheduling_schedule_share check (reserved_denominator > 0 and reserved_numerator between 0 and reserved_denominator),
    constraint scheduling_schedule_period check (period_end >= period_start)
);
create index scheduling_schedule_institution on scheduling_schedule (institution_id, period_start);

create table scheduling_slot (
    id             uuid primary key,
    schedule_id    uuid not null references scheduling_schedule (id),
    institution_id uuid not null,
    department     varchar(100) not null,
    discipline     varchar(100),
    kind           varchar(30) not null,
    start_at       timestamp with time zone not null,
    end_at         timestamp with time zone not null,
    reserved       boolean not null,               -- reserved for primary care at publication (I-8)
    pool           varchar(30) not null,
    status         varchar(20) not null,
    release_at     timestamp with time zone,       -- start - lead time, reserved slots only
    released_at    timestamp with time zone,       -- when the reserved slot went public unused
    version        bigint not null default 0,
    constraint scheduling_slot_pool check (pool in ('PRIMARY_CARE_RESERVED', 'PUBLIC')),
    constraint scheduling_slot_status check (status in ('FREE', 'BOOKED', 'BLOCKED'))
);
create index scheduling_slot_schedule on scheduling_slot (schedule_id, start_at);
create index scheduling_slot_search on scheduling_slot (institution_id, start_at);
create index scheduling_slot_start on scheduling_slot (start_at);
create index scheduling_slot_release on scheduling_slot (pool, status, release_at);

create table scheduling_booking (
    id                    uuid primary key,
    slot_id               uuid not null references scheduling_slot (id),
    resident_id           uuid not null,           -- residents ResidentId
    booked_by             varchar(100) not null,
    booked_by_institution uuid,
    pool                  varchar(30) not null,    -- pool the slot was booked from
    primary_care          boolean not null,
    priority              varchar(30),
    contract_id           uuid,                    -- residents ContractId
    status                varchar(20) not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    updated_by            varchar(100) not null,
    idempotency_key       varchar(200),
    constraint scheduling_booking_status check (status in ('BOOKED', 'CANCELLED', 'NO_SHOW', 'ATTENDED')),
    constraint scheduling_booking_priority check (priority is null or priority in ('PRIORITY_VISIT', 'PRIORITY_EXAM', 'PRIORITY_ADMISSION'))
);
create index scheduling_booking_slot on scheduling_booking (slot_id);
create index scheduling_booking_resident on scheduling_booking (resident_id, created_at);

-- R-4: the first successful request with a key decides the response for every repetition by the same caller.
create table scheduling_idempotency (
    caller          varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64) not null,
    booking_id      uuid not null,
    response_body   varchar(4000) not null,
    created_at      timestamp with time zone not null,
    primary key (caller, idempotency_key)
);
