-- No query filters on these any more: the purge picks ended refresh chains by the grant's
-- expires_at (V8) and ended grants by expires_at and revoked_at. Each cost a write per refresh
-- token or grant issued.
DROP INDEX oidc_refresh_token_expires;
DROP INDEX oidc_grant_created;
