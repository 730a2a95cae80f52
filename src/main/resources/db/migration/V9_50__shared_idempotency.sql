-- One Idempotency-Key record for every POST, REST and FHIR alike (R-4, decision 0091): the first 2xx answer for
-- a key and user, stored in the same transaction as the change, with the hash of the request it answered.
create table shared_idempotency (
    username        varchar(64)  not null,
    idempotency_key varchar(100) not null,
    request_hash    varchar(64)  not null,
    endpoint        varchar(300) not null,
    status          int          not null,
    headers         varchar(4000) not null,
    response_body   bytea        not null,
    created_at      timestamp with time zone not null,
    primary key (username, idempotency_key)
);
