-- diagnostics: the explanation a patient receives when an offered result is not recognised (NAT-R-8) — prepared
-- with the re-examination decision, given (who, when, how) by the clinician. Personal data: read and changed only
-- with a care relationship, audited with the resident as subject.
create table diagnostics_explanation (
    decision_id               uuid          primary key,
    resident_id               uuid          not null,
    item_code                 varchar(40)   not null,
    reason_code               varchar(2)    not null,
    text                      varchar(2000) not null,
    ordering_institution_id   uuid          not null,
    decided_by                varchar(64)   not null,
    prepared_at               timestamp with time zone not null,
    given_at                  timestamp with time zone,
    given_by                  varchar(64),
    medium                    varchar(12)
);
create index diagnostics_explanation_resident on diagnostics_explanation (resident_id, prepared_at);
create index diagnostics_explanation_pending on diagnostics_explanation (decided_by, given_at);
