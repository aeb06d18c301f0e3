-- RFC 7009: one access token can be revoked on its own (its grant stays live).
ALTER TABLE oidc_access_token ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
-- Refresh-token rotation, for the optional retry grace window: the token a new one replaced, when
-- a replaced token was retried (once at most), and the access token issued beside each one.
ALTER TABLE oidc_refresh_token ADD COLUMN parent_hash VARCHAR(64);
ALTER TABLE oidc_refresh_token ADD COLUMN retried_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE oidc_refresh_token ADD COLUMN access_token_jti VARCHAR(64);
CREATE INDEX oidc_refresh_token_parent ON oidc_refresh_token (parent_hash);
-- The purge job: revoked access tokens, revoked or old grants, codes by grant, ended sessions.
CREATE INDEX oidc_access_token_revoked ON oidc_access_token (revoked_at);
CREATE INDEX oidc_grant_revoked ON oidc_grant (revoked_at);
CREATE INDEX oidc_grant_created ON oidc_grant (created_at);
CREATE INDEX oidc_authorization_code_grant ON oidc_authorization_code (grant_id);
CREATE INDEX oidc_user_session_ended ON oidc_user_session (ended_at);
