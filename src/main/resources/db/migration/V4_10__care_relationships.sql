-- residents: access follows a care relationship (issue 10).
-- Break-the-glass grants: an institution reads a resident it has no other relationship with, for a stated
-- reason, until expires_at; each grant is reported to the resident's contracted primary institution.
create table residents_break_glass (
    id                      uuid primary key,
    resident_id             uuid          not null references residents_resident (id),
    institution_id          uuid          not null,
    username                varchar(100)  not null,
    reason                  varchar(500)  not null,
    granted_at              timestamp with time zone not null,
    expires_at              timestamp with time zone not null,
    notified_institution_id uuid
);
create index residents_break_glass_access on residents_break_glass (institution_id, resident_id, expires_at);
create index residents_break_glass_notified on residents_break_glass (notified_institution_id, granted_at);

-- A registration naming a known ID number under another name links nothing: it waits here for review.
create table residents_registration_review (
    id                  uuid primary key,
    resident_id         uuid          not null references residents_resident (id),
    source_institution  uuid,
    local_record_number varchar(64),
    given_name          varchar(100)  not null,
    username            varchar(100)  not null,
    flagged_at          timestamp with time zone not null,
    status              varchar(20)   not null
);
create index residents_registration_review_resident on residents_registration_review (resident_id);
