-- Issue 12, decision 0272: audit rows are sealed into the hash chain after their transaction commits, in batches,
-- by one sealer at a time, instead of each transaction locking the chain head through its commit.
-- A transaction inserts its rows and queues them (audit_unsealed); the sealer numbers, hashes and records them in
-- audit_seal, takes them off the queue and moves the head, in one transaction.

-- The chain, one row a position: which audit row sits there and its links. Append-only like the trail.
create table audit_seal (
    chain_seq bigint primary key,
    event_id  uuid        not null unique references audit_event (id),
    prev_hash varchar(64) not null,
    row_hash  varchar(64) not null
);
-- the chain so far moves over unchanged: the hash covers the position, the row and the previous hash, not where
-- they are stored
insert into audit_seal (chain_seq, event_id, prev_hash, row_hash)
select chain_seq, id, prev_hash, row_hash from audit_event where chain_seq is not null;

-- Committed rows waiting for the sealer. Not append-only: the sealer takes rows off as it seals them.
create table audit_unsealed (
    event_id uuid primary key
);

-- Rows written before the chain existed (V1_30) are neither sealed nor waiting; the verification accounts for them.
alter table audit_chain_head add column outside_chain bigint not null default 0;
update audit_chain_head set outside_chain = (select count(*) from audit_event where chain_seq is null);

drop index audit_event_chain;
alter table audit_event drop column chain_seq;
alter table audit_event drop column prev_hash;
alter table audit_event drop column row_hash;
