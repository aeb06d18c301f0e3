-- When the last refresh token a grant yielded expires (its creation, if it yielded none), raised at
-- each issuance: the purge picks ended grants and their refresh chains by this index instead of
-- probing every live chain on every run.
ALTER TABLE oidc_grant ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE oidc_grant SET expires_at = COALESCE(
    (SELECT MAX(r.expires_at) FROM oidc_refresh_token r WHERE r.grant_id = oidc_grant.id),
    created_at);
ALTER TABLE oidc_grant ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX oidc_grant_expires ON oidc_grant (expires_at);
