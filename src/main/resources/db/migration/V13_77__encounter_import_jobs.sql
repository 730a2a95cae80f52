-- Encounter import jobs (issue 17, decision 0267): a large CSV/Excel file of encounters is checked for its structure and
-- the submitter's scope in the request, stored here (canonical CSV, UTF-8) and ingested in the background, chunk by
-- chunk through the same validation and write as POST /api/indicators/encounters; the request answers 202 with the job.
-- The submitter's scope (type and reference) is kept as it was at the upload. The content is cleared when the job ends
-- (it holds resident ids); the figures and the rejected rows (row, field, rule as JSON) stay. A job found QUEUED or
-- RUNNING when the platform starts was interrupted by the restart and is marked FAILED.
create table indicators_import_job (
    id               uuid         primary key,
    submitted_by     varchar(100) not null,
    scope_type       varchar(16)  not null,
    scope_reference  varchar(64),
    file_name        varchar(255) not null,
    status           varchar(16)  not null,
    content          bytea,
    rows_total       integer,
    rows_done        integer      not null default 0,
    accepted_count   integer      not null default 0,
    created_count    integer      not null default 0,
    corrected_count  integer      not null default 0,
    unchanged_count  integer      not null default 0,
    rejected_count   integer      not null default 0,
    rejected         bytea,
    error_code       varchar(40),
    submitted_at     timestamp    not null,
    started_at       timestamp,
    finished_at      timestamp
);
create index indicators_import_job_submitter on indicators_import_job (submitted_by, submitted_at);
create index indicators_import_job_status on indicators_import_job (status);
