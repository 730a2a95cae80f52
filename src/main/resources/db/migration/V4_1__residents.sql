-- residents: resident index (EMPI), record links, possible duplicates, family-doctor teams, "1+1+1" contracts
create table residents_resident (
    id                 uuid primary key,
    id_number          varchar(18)  not null,
    name               varchar(100) not null,
    sex                varchar(1)   not null,
    birth_date         date         not null,
    phone              varchar(20),
    district_code      varchar(6),
    source_institution uuid,
    created_at         timestamp with time zone not null,
    version            bigint       not null default 0,
    constraint residents_resident_id_number_uk unique (id_number)
);
-- possible-duplicate matching: same name, birth date and sex
create index residents_resident_demographics on residents_resident (birth_date, sex, name);
create index residents_resident_name on residents_resident (name);

create table residents_record_link (
    id                  uuid primary key,
    resident_id         uuid         not null references residents_resident (id),
    source_institution  uuid         not null,
    local_record_number varchar(64),
    basis               varchar(20)  not null,
    linked_at           timestamp with time zone not null,
    constraint residents_record_link_uk unique (resident_id, source_institution, local_record_number)
);
create index residents_record_link_resident on residents_record_link (resident_id);
create index residents_record_link_source on residents_record_link (source_institution, local_record_number);

create table residents_possible_duplicate (
    id          uuid primary key,
    resident_a  uuid         not null references residents_resident (id),
    resident_b  uuid         not null references residents_resident (id),
    reason      varchar(100) not null,
    status      varchar(20)  not null,
    detected_at timestamp with time zone not null,
    constraint residents_possible_duplicate_uk unique (resident_a, resident_b)
);

create table residents_team (
    id             uuid primary key,
    institution_id uuid         not null,
    name           varchar(100) not null,
    active         boolean      not null,
    created_at     timestamp with time zone not null,
    version        bigint       not null default 0
);
create index residents_team_institution on residents_team (institution_id);

create table residents_team_member (
    team_id         uuid        not null references residents_team (id),
    practitioner_id uuid        not null,
    member_role     varchar(20) not null,
    position        int         not null,
    primary key (team_id, practitioner_id)
);
create index residents_team_member_practitioner on residents_team_member (practitioner_id);

create table residents_contract (
    id                     uuid primary key,
    resident_id            uuid        not null references residents_resident (id),
    team_id                uuid        not null references residents_team (id),
    primary_institution_id uuid        not null,
    district_hospital_id   uuid        not null,
    municipal_hospital_id  uuid        not null,
    start_date             date        not null,
    end_date               date        not null,
    status                 varchar(10) not null,
    end_reason             varchar(500),
    renewed_from           uuid references residents_contract (id),
    created_at             timestamp with time zone not null,
    version                bigint      not null default 0
);
create index residents_contract_resident on residents_contract (resident_id);
create index residents_contract_primary on residents_contract (primary_institution_id);
create index residents_contract_district on residents_contract (district_hospital_id);
create index residents_contract_municipal on residents_contract (municipal_hospital_id);
create index residents_contract_team on residents_contract (team_id);

create table residents_contract_priority_group (
    contract_id    uuid        not null references residents_contract (id),
    priority_group varchar(20) not null,
    primary key (contract_id, priority_group)
);

create table residents_contract_service (
    contract_id uuid        not null references residents_contract (id),
    service     varchar(40) not null,
    primary key (contract_id, service)
);

-- Idempotency-Key replay for POST /api/residents/** (R-4)
create table residents_idempotency (
    idempotency_key varchar(100) not null,
    username        varchar(64)  not null,
    endpoint        varchar(100) not null,
    status          int          not null,
    response_body   varchar(20000) not null,
    created_at      timestamp with time zone not null,
    primary key (idempotency_key, username)
);
