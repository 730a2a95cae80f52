-- Scheduling's own Idempotency-Key handling gave way to shared_idempotency (V9_50, decision 0091): its table
-- and the key column of the booking go. No constraint or index uses the column.
drop table scheduling_idempotency;
alter table scheduling_booking drop column idempotency_key;
