-- RFC 8707 resource indicator of a grant (the aud of its access tokens; null: the default audience).
ALTER TABLE oidc_grant ADD COLUMN audience VARCHAR(2000);
-- Refresh tokens: when issued, to bound idle and absolute lifetimes.
ALTER TABLE oidc_refresh_token ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX oidc_refresh_token_expires ON oidc_refresh_token (expires_at);
CREATE INDEX oidc_access_token_expires ON oidc_access_token (expires_at);
CREATE INDEX oidc_authorization_code_expires ON oidc_authorization_code (expires_at);
CREATE INDEX oidc_pending_authorization_expires ON oidc_pending_authorization (expires_at);
