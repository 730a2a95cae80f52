-- TM-13: the fee each telemedicine/cooperation agreement states per consultation type, kept by the consortium office
-- (decision 0243: a consultation-owned price list keyed by the registry agreement's id, no column on registry tables),
-- and the price item recorded once when a consultation under a fee-bearing agreement closes.
create table consultation_fee (
    agreement_id      uuid          not null,
    consultation_type varchar(20)   not null,
    amount            numeric(10, 2) not null,
    payer             varchar(30)   not null,
    updated_by        varchar(64)   not null,
    updated_at        timestamp with time zone not null,
    primary key (agreement_id, consultation_type)
);

create table consultation_charge (
    consultation_id   uuid primary key references consultation_consultation (id),
    agreement_id      uuid          not null,
    consultation_type varchar(20)   not null,
    amount            numeric(10, 2) not null,
    currency          varchar(3)    not null,
    payer             varchar(30)   not null,
    charged_on        date          not null,
    recorded_at       timestamp with time zone not null
);
create index consultation_charge_agreement on consultation_charge (agreement_id, charged_on);
