-- PostgreSQL enforces the append-only audit trail with a trigger (vendor/postgresql/V1_3).
-- H2 triggers need a Java class on the compile path; on the embedded default, append-only rests on
-- AuditTrail offering no update or delete. This no-op keeps version numbers aligned across vendors.
select 1;
