-- A logout revokes the grants made in the ended SSO session (its sid) without offline_access.
CREATE INDEX oidc_grant_sid ON oidc_grant (sid);
