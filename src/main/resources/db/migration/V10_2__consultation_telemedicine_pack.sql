-- Rule pack TM (national telemedicine rules, consultation.md) applies wherever the seeds' jurisdictions are: it
-- is national law, like NAT, so every seed jurisdiction applies it by default (a planner may drop it).
insert into policy_jurisdiction_pack (jurisdiction, pack, updated_by, updated_at) values
    ('310000', 'TM', 'system', current_timestamp),
    ('450100', 'TM', 'system', current_timestamp),
    ('500000', 'TM', 'system', current_timestamp);
