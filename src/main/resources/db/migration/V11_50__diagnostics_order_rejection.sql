-- diagnostics: a shared centre sends an order back because the specimen or images are unusable (SC-3, TM-8). The
-- ordering site answers for quality, so the rejection is a coded, terminal outcome; a re-order is a new order.
alter table diagnostics_order add column rejection_reason varchar(40);
alter table diagnostics_order add column rejection_text varchar(500);
alter table diagnostics_order add column rejected_by varchar(64);
alter table diagnostics_order add column rejected_at timestamp with time zone;
