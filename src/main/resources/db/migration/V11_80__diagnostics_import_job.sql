-- Result import jobs (decision 0238): a large CSV/Excel file of lab values is checked for its structure in the request,
-- stored here (as canonical CSV, UTF-8) and imported in the background; the request answers 202 with the job.
-- The content is cleared when the job ends (it holds ID numbers); the figures and the rejected rows (ID numbers
-- masked, JSON) stay. A job found QUEUED or RUNNING when the platform starts was interrupted by the restart.
create table diagnostics_import_job (
    id                       uuid         primary key,
    performer_institution_id uuid         not null,
    uploaded_by              varchar(100) not null,
    file_name                varchar(255) not null,
    status                   varchar(16)  not null,
    content                  bytea,
    rows_total               integer      not null,
    rows_done                integer      not null default 0,
    created_count            integer      not null default 0,
    existing_count           integer      not null default 0,
    rejected_count           integer      not null default 0,
    rejected                 bytea,
    error_code               varchar(40),
    submitted_at             timestamp    not null,
    started_at               timestamp,
    finished_at              timestamp
);
create index diagnostics_import_job_performer on diagnostics_import_job (performer_institution_id, submitted_at);
create index diagnostics_import_job_status on diagnostics_import_job (status);
