-- Decision 0272: the chain's positions are append-only like the trail (audit_unsealed is not: the sealer empties it).
create trigger audit_seal_no_update before update on audit_seal for each row
    call 'org.medunion.audit.internal.AppendOnlyTrigger';
create trigger audit_seal_no_delete before delete on audit_seal for each row
    call 'org.medunion.audit.internal.AppendOnlyTrigger';
-- H2 refuses to truncate a table a foreign key refers to (see V1_31)
create table audit_seal_truncate_guard (
    chain_seq bigint references audit_seal (chain_seq)
);
