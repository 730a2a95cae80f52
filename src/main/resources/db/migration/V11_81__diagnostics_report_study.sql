-- ImagingStudy in imported bundles (decision 0238): the study a PACS sends with its DiagnosticReport — DICOM Study
-- Instance UID, modalities (DICOM codes, comma separated), start, numbers of series and instances. The Endpoint's
-- address is the report's study_url. Images stay at the centre; only these figures travel.
alter table diagnostics_report add column study_uid varchar(64);
alter table diagnostics_report add column study_modality varchar(100);
alter table diagnostics_report add column study_started timestamp;
alter table diagnostics_report add column study_series integer;
alter table diagnostics_report add column study_instances integer;
