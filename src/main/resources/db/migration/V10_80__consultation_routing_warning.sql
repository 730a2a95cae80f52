-- TM-15: a nursing home's request that went past the backing hospital of the home's emergency zone (CN-3). Written
-- once with the request and never changed: it records what the routing table said on that day.
create table consultation_routing_warning (
    consultation_id          uuid        not null references consultation_consultation (id),
    rule_id                  varchar(10) not null,
    suggested_institution_id uuid        not null,
    recorded_at              timestamp with time zone not null,
    primary key (consultation_id, rule_id)
);
