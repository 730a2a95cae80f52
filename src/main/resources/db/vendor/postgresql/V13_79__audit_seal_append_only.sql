-- Decision 0272: the chain's positions are append-only like the trail (audit_unsealed is not: the sealer empties it).
create function audit_seal_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_seal is append-only';
end $$;
create trigger audit_seal_no_update before update or delete on audit_seal
    for each row execute function audit_seal_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_seal_append_only();
