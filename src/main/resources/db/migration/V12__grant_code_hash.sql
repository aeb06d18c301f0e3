-- A grant records the hash of the code it was issued for, so that a replay of that code revokes
-- the grant (RFC 6749 §4.1.2) after the purge deleted the code's row as well. Grants whose code
-- row is still here learn it from that row; older ones keep the old rule.
ALTER TABLE oidc_grant ADD COLUMN code_hash VARCHAR(64);
UPDATE oidc_grant SET code_hash =
    (SELECT c.code_hash FROM oidc_authorization_code c WHERE c.grant_id = oidc_grant.id)
  WHERE id IN (SELECT grant_id FROM oidc_authorization_code);
CREATE UNIQUE INDEX oidc_grant_code ON oidc_grant (code_hash);
