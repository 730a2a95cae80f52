-- A re-examination recorded at order entry names the order placed with it (FHIR DetectedIssue.implicated, decision 0230).
alter table diagnostics_decision add column order_id uuid;
