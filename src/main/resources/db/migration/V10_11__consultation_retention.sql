-- TM-9: the retention class and retain-until dates of a consultation, fixed from rule pack TM when it ends (closed,
-- declined, cancelled, expired); the conversation (process records) carries its own retain-until date.
create table consultation_retention (
    consultation_id      uuid primary key references consultation_consultation (id),
    retention_class      varchar(20) not null,
    retain_until         date        not null,
    process_retain_until date        not null,
    decided_at           timestamp with time zone not null
);

alter table consultation_message add column retain_until date;
