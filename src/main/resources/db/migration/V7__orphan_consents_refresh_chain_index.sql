-- Consents of clients deleted before a client's deletion took its consents with it: a client
-- created later under the same client_id must ask again.
DELETE FROM oidc_consent WHERE client_id NOT IN (SELECT client_id FROM oidc_client);

-- The purge keeps a rotated refresh token while its grant still has one in date: one index lookup
-- by grant and expiry (the grant_id index it replaces is a prefix of it).
CREATE INDEX oidc_refresh_token_grant_expires ON oidc_refresh_token (grant_id, expires_at);
DROP INDEX oidc_refresh_token_grant;
