-- Evidence files of the lead unit's self-assessment (issue 17, decision 0264): per dimension, PDF/JPEG/PNG/XLSX by
-- content, at most 4 MiB each (as consultation uploads, decision 0254). Metadata and bytes in two tables, written in the
-- upload's transaction; removed only while the assessment is not frozen, never after (the service refuses with 409).
create table indicators_assessment_evidence (
    id               uuid primary key,
    assessment_id    uuid          not null references indicators_assessment (id),
    dimension        varchar(4)    not null,
    file_name        varchar(200)  not null,
    content_type     varchar(100)  not null,
    size_bytes       bigint        not null,
    sha256           varchar(64)   not null,
    uploaded_by      varchar(100)  not null,
    uploaded_by_name varchar(200)  not null,
    uploaded_at      timestamp with time zone not null
);
create index indicators_assessment_evidence_assessment on indicators_assessment_evidence (assessment_id, dimension);

create table indicators_assessment_evidence_content (
    evidence_id uuid  primary key references indicators_assessment_evidence (id) on delete cascade,
    content     bytea not null
);
