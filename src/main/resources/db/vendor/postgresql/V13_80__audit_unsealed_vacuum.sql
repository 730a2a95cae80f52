-- Decision 0272: audit_unsealed is a queue, every row inserted and deleted within a second; vacuumed by row count,
-- not by the default fifth of a table that is nearly always empty, so the sealer never reads thousands of dead rows.
alter table audit_unsealed set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                                autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000);
