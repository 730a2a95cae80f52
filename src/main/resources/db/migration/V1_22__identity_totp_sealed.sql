-- TOTP secrets are stored sealed (AES-256-GCM, "v1:" + base64 of nonce, ciphertext and tag): 64 characters no
-- longer hold them (decision 0096).
alter table identity_account alter column totp_secret set data type varchar(200);
