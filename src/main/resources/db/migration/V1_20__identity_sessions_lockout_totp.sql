-- identity (issue 10): lock-out per account and source address, revocable token sessions, password policy state, TOTP.

-- One row per (username as typed, source address): counted under a row lock (SELECT ... FOR UPDATE), so parallel
-- guesses cannot lose increments. The username need not exist, so unknown and known names behave alike.
create table identity_login_failure (
    username        varchar(64) not null,
    source          varchar(64) not null,
    failures        integer     not null default 0,
    lockouts        integer     not null default 0,
    locked_until    timestamp with time zone,
    last_failure_at timestamp with time zone not null,
    primary key (username, source)
);

alter table identity_account add column must_change_password boolean not null default false;
alter table identity_account add column totp_secret varchar(64);
alter table identity_account add column updated_at timestamp with time zone;

-- A login session: one access token and one refresh token, revoked together (logout, password change, disable).
alter table identity_api_token add column session_id uuid;
alter table identity_api_token add column kind varchar(10) not null default 'ACCESS';
create index identity_api_token_session on identity_api_token (session_id);
create index identity_api_token_expires on identity_api_token (expires_at);
