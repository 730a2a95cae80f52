-- issue 15: the specimen a lab or pathology item is done on (FHIR Specimen.type, decision 0237); imaging and ECG items
-- take none. Existing items get the default of their kind: venous blood for lab, tissue for pathology.
alter table diagnostics_item add column specimen_type varchar(20);
update diagnostics_item set specimen_type = 'VENOUS_BLOOD' where kind = 'LAB';
update diagnostics_item set specimen_type = 'TISSUE' where kind = 'PATHOLOGY';
