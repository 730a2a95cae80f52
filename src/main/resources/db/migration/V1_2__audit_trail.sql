-- audit: append-only trail of reads and changes of personal data and of registry changes (S-2)
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(64)  not null,
    actor_role     varchar(20),
    action         varchar(10)  not null,
    object_type    varchar(40)  not null,
    object_id      varchar(64),
    resident_ref   varchar(64),
    client_address varchar(64),
    purpose        varchar(40),
    outcome        varchar(10)  not null,
    detail         varchar(500)
);
create index audit_event_occurred on audit_event (occurred_at);
create index audit_event_object on audit_event (object_type, object_id);
create index audit_event_resident on audit_event (resident_ref);
