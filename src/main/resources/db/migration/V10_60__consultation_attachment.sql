-- consultation attachments (decision 0254): results and imaging studies of the diagnostics module by reference (their
-- report ID, no FK across modules, with what they showed when attached), documents uploaded to the consultation with
-- their bytes in a table of their own. Added, stamped with their TM-9 date once the consultation ends, never removed.
create table consultation_attachment (
    id              uuid primary key,
    consultation_id uuid          not null references consultation_consultation (id),
    message_id      uuid          references consultation_message (id),
    kind            varchar(20)   not null,
    title           varchar(200)  not null,
    report_id       uuid,
    result_date     date,
    performer_name  varchar(200),
    content_type    varchar(40),
    size_bytes      bigint,
    sha256          varchar(64),
    added_by        varchar(64)   not null,
    institution_id  uuid          not null,
    added_at        timestamp with time zone not null,
    batch_order     integer       not null default 0,
    retain_until    date,
    constraint consultation_attachment_kind check (kind in ('RESULT', 'IMAGING_STUDY', 'DOCUMENT')),
    constraint consultation_attachment_what check ((kind = 'DOCUMENT' and report_id is null and content_type is not null
        and size_bytes is not null and sha256 is not null) or (kind <> 'DOCUMENT' and report_id is not null))
);
create index consultation_attachment_of on consultation_attachment (consultation_id, added_at);

create table consultation_attachment_content (
    attachment_id uuid primary key references consultation_attachment (id),
    content       bytea not null
);
