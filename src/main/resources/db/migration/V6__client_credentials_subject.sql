-- A client_credentials grant's subject is its client_id, which may be 128 characters long.
ALTER TABLE oidc_grant ALTER COLUMN subject SET DATA TYPE VARCHAR(128);
