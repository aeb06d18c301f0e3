-- Refresh tokens name their rotation chain: <family>.<secret>. The grant keeps the family's hash,
-- so a rotated token is still recognized, and its reuse revokes the grant, after the purge deleted
-- its row: rotated rows are kept for the retention only, not until the whole chain expired.
-- Grants from before keep a NULL family and their rotated rows until their chain expires.
ALTER TABLE oidc_grant ADD COLUMN refresh_family_hash VARCHAR(64);
CREATE UNIQUE INDEX oidc_grant_refresh_family ON oidc_grant (refresh_family_hash);
-- The purge picks rotated refresh tokens by when they were rotated.
CREATE INDEX oidc_refresh_token_consumed ON oidc_refresh_token (consumed_at);
