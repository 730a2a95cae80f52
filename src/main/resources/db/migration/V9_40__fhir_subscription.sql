-- R4 Subscriptions (rest-hook) of the fhir module: what an account watches, where it is told, and how delivery goes.
create table fhir_subscription (
    id             uuid primary key,
    owner          varchar(100)  not null,
    criteria       varchar(500)  not null,
    resource_type  varchar(30)   not null,
    institution_id uuid          not null,
    relation       varchar(20)   not null,
    task_status    varchar(20),
    endpoint       varchar(1000) not null,
    header         varchar(500),
    reason         varchar(500)  not null,
    status         varchar(20)   not null,
    error          varchar(1000),
    failures       int           not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint        not null default 0
);
create index fhir_subscription_institution on fhir_subscription (institution_id, status);
create index fhir_subscription_owner on fhir_subscription (owner);
