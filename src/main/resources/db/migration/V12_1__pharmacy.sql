-- Pharmacy (issue 16): member catalogues mapped to the consortium formulary (the formulary and drug knowledge are
-- data files, pharmacy/*.csv), prescriptions with items, pre-screen findings, transitions, dispensing.

create table pharmacy_catalogue_item (
    institution_id uuid                     not null,
    local_code     varchar(50)              not null,
    local_name     varchar(200)             not null,
    formulary_code varchar(20),
    updated_by     varchar(100)             not null,
    updated_at     timestamp with time zone not null,
    primary key (institution_id, local_code)
);

create table pharmacy_prescription (
    id                        uuid                     primary key,
    number                    varchar(30)              not null unique,
    resident_id               uuid                     not null,
    resident_name             varchar(100)             not null,
    resident_age              integer,
    prescribing_institution_id uuid                    not null,
    prescriber                varchar(100)             not null,
    reviewing_institution_id  uuid                     not null,
    encounter_type            varchar(12)              not null,
    diagnosis_code            varchar(10)              not null,
    diagnosis_text            varchar(200)             not null,
    chronic                   boolean                  not null,
    urgent                    boolean                  not null,
    reason                    varchar(1000),
    long_prescription         boolean                  not null,
    max_days                  integer                  not null,
    long_rule                 varchar(10)              not null,
    assessment_note           varchar(1000),
    patient_confirmed         boolean                  not null,
    validity_days             integer                  not null,
    pregnant                  boolean                  not null,
    allergies                 varchar(300),
    guardian_name             varchar(100),
    status                    varchar(24)              not null,
    review_round              integer                  not null,
    override_count            integer                  not null,
    override_reason           varchar(1000),
    review_note               varchar(1000),
    return_reason             varchar(1000),
    reviewed_by               varchar(100),
    reviewed_at               timestamp with time zone,
    due_at                    timestamp with time zone,
    dispensing_institution_id uuid                     not null,
    central_distribution      boolean                  not null,
    site_confirmed            boolean                  not null,
    dispense_reason           varchar(30),
    dispense_note             varchar(1000),
    dispensed_by              varchar(100),
    dispensed_at              timestamp with time zone,
    submitted_at              timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    version                   bigint                   not null
);
create index pharmacy_prescription_prescriber on pharmacy_prescription (prescribing_institution_id, status);
create index pharmacy_prescription_queue on pharmacy_prescription (reviewing_institution_id, status, submitted_at);
create index pharmacy_prescription_dispensing on pharmacy_prescription (dispensing_institution_id, status);

create table pharmacy_prescription_item (
    prescription_id uuid           not null,
    line            integer        not null,
    drug_code       varchar(20)    not null,
    dose            numeric(12, 4) not null,
    dose_unit       varchar(20)    not null,
    route           varchar(20)    not null,
    frequency       varchar(10)    not null,
    days_supply     integer        not null,
    quantity        numeric(12, 2),
    primary key (prescription_id, line)
);

create table pharmacy_finding (
    prescription_id uuid         not null,
    line            integer      not null,
    category        varchar(20)  not null,
    severity        varchar(10)  not null,
    rule_id         varchar(10)  not null,
    drug_codes      varchar(100) not null,
    message_key     varchar(100) not null,
    arguments       varchar(500) not null,
    primary key (prescription_id, line)
);

create table pharmacy_transition (
    id              uuid                     primary key,
    prescription_id uuid                     not null,
    from_status     varchar(24),
    action          varchar(24)              not null,
    to_status       varchar(24)              not null,
    actor           varchar(100)             not null,
    reason          varchar(1000),
    at              timestamp with time zone not null
);
create index pharmacy_transition_prescription on pharmacy_transition (prescription_id, at);
