-- Issue 10, 等保 L3 安全审计: each row is chained by SHA-256 to its predecessor (tamper evidence, verified by
-- AuditTrail.verifyChain); the purpose of use a caller claims is kept beside the one the platform derives.
-- Rows written before this migration have no chain position and are outside the chain.
alter table audit_event add column claimed_purpose varchar(40);
alter table audit_event add column chain_seq bigint;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column row_hash varchar(64);
-- room for the login, lock-out and denial actions and outcomes
alter table audit_event alter column action set data type varchar(30);
alter table audit_event alter column outcome set data type varchar(20);
create unique index audit_event_chain on audit_event (chain_seq);
create index audit_event_actor on audit_event (actor, occurred_at);

-- The single chain head: appending locks it (FOR UPDATE) just before commit, which serialises the chain.
create table audit_chain_head (
    id        int primary key check (id = 1),
    chain_seq bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, chain_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
