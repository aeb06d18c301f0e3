-- A refresh token of a family now carries a MAC of its own random part, keyed by a secret of the
-- family that only the grant row holds: a value that merely begins with a family (a token cut
-- short in a log, a made-up one) no longer counts as a reuse and ends nobody's grant. Families
-- begun before keep a NULL key and the former rule until their chain ends.
ALTER TABLE oidc_grant ADD COLUMN refresh_family_key VARCHAR(64);
