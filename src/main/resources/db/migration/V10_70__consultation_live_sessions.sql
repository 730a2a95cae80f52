-- consultation: live sessions (decision 0255). The expert's consultation slot booked in scheduling on acceptance
-- (released, never deleted, when the consultation ends without its session), the further experts of an MDT, and the
-- sessions held with the practitioners present of each side (TM-6). Other modules' records by ID only (no FKs).
create table consultation_slot_booking (
    consultation_id  uuid        not null primary key references consultation_consultation (id),
    slot_id          uuid        not null,
    booking_id       uuid        not null,
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    booked_by        varchar(64) not null,
    booked_at        timestamp with time zone not null,
    released_by      varchar(64),
    released_at      timestamp with time zone
);

create table consultation_expert (
    consultation_id  uuid    not null references consultation_consultation (id),
    practitioner_id  uuid    not null,
    position         integer not null,
    added_at         timestamp with time zone not null,
    primary key (consultation_id, practitioner_id)
);

create table consultation_live_session (
    id               uuid        primary key,
    consultation_id  uuid        not null references consultation_consultation (id),
    held_at          timestamp with time zone not null,
    note             varchar(1000),
    recorded_by      varchar(64) not null,
    recorded_at      timestamp with time zone not null
);
create index consultation_live_session_consultation on consultation_live_session (consultation_id, held_at);
create index consultation_live_session_held on consultation_live_session (held_at);

create table consultation_live_participant (
    session_id       uuid        not null references consultation_live_session (id),
    practitioner_id  uuid        not null,
    side             varchar(10) not null,
    physician        boolean     not null,
    primary key (session_id, practitioner_id),
    constraint consultation_live_participant_side check (side in ('INVITING', 'INVITED'))
);
