-- Policy module: rule packs per jurisdiction, parameter overrides, blocked-change overrides, findings with the
-- dates they appeared and disappeared, and manual evidence for the NAT checklist. No foreign keys to other
-- modules' tables: consortia and institutions are referred to by ID only.

create table policy_jurisdiction_pack (
    jurisdiction varchar(6)               not null,
    pack         varchar(8)               not null,
    updated_by   varchar(100)             not null,
    updated_at   timestamp with time zone not null,
    primary key (jurisdiction, pack)
);

-- Defaults (rules.md): Shanghai SH + NAT, 长宁区 additionally CN, Nanning NN + NAT, Chongqing CQ.
insert into policy_jurisdiction_pack (jurisdiction, pack, updated_by, updated_at) values
    ('310000', 'SH',  'system', current_timestamp),
    ('310000', 'NAT', 'system', current_timestamp),
    ('310105', 'CN',  'system', current_timestamp),
    ('450100', 'NN',  'system', current_timestamp),
    ('450100', 'NAT', 'system', current_timestamp),
    ('500000', 'CQ',  'system', current_timestamp);

-- Append-only history: the newest row per (jurisdiction, rule, parameter) is in force.
create table policy_parameter_override (
    id           uuid                     primary key,
    jurisdiction varchar(6)               not null,
    rule_id      varchar(10)              not null,
    parameter    varchar(40)              not null,
    param_value  varchar(400)             not null,
    reason       varchar(2000)            not null,
    created_by   varchar(100)             not null,
    created_at   timestamp with time zone not null
);
create index policy_parameter_override_rule on policy_parameter_override (rule_id, jurisdiction);

-- A planner's override that let a blocked registry change through.
create table policy_override (
    id            uuid                     primary key,
    rule_id       varchar(10)              not null,
    finding_key   varchar(400)             not null,
    change_action varchar(60),
    consortium_id uuid,
    objects       varchar(4000)            not null,
    evidence      varchar(4000),
    reason        varchar(2000)            not null,
    created_by    varchar(100)             not null,
    created_at    timestamp with time zone not null
);
create index policy_override_key on policy_override (finding_key);

create table policy_finding (
    id            uuid                     primary key,
    finding_key   varchar(400)             not null,
    rule_id       varchar(10)              not null,
    pack          varchar(8)               not null,
    severity      varchar(10)              not null,
    status        varchar(12)              not null,
    subject_type  varchar(20)              not null,
    subject_key   varchar(60)              not null,
    subject_name  varchar(300),
    division_code varchar(6),
    consortium_id uuid,
    aspect        varchar(120)             not null,
    message_key   varchar(120)             not null,
    message_args  varchar(4000),
    evidence      varchar(4000),
    objects       varchar(4000),
    first_seen    timestamp with time zone not null,
    last_seen     timestamp with time zone not null,
    resolved_at   timestamp with time zone
);
create index policy_finding_key on policy_finding (finding_key);
create index policy_finding_consortium on policy_finding (consortium_id);
create index policy_finding_rule on policy_finding (rule_id, resolved_at);

create table policy_manual_evidence (
    id            uuid                     primary key,
    consortium_id uuid                     not null,
    criterion     varchar(10)              not null,
    text          varchar(4000)            not null,
    created_by    varchar(100)             not null,
    created_at    timestamp with time zone not null
);
create index policy_manual_evidence_consortium on policy_manual_evidence (consortium_id, criterion);
