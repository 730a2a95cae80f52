-- identity: long-lived API keys of integrators (issue 18) are tokens of kind API_KEY with a label
alter table identity_api_token add column label varchar(100);
