-- identity: accounts with role and scope, bearer tokens (stored as SHA-256 hashes only)
create table identity_account (
    id              uuid primary key,
    username        varchar(64)  not null unique,
    password_hash   varchar(100) not null,
    display_name    varchar(100) not null,
    role            varchar(20)  not null,
    scope_type      varchar(20)  not null,
    scope_ref       varchar(64),
    failed_attempts integer      not null default 0,
    locked_until    timestamp with time zone,
    enabled         boolean      not null default true,
    created_at      timestamp with time zone not null
);

create table identity_api_token (
    token_hash varchar(64) primary key,
    username   varchar(64) not null,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index identity_api_token_username on identity_api_token (username);
