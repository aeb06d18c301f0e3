-- One password check at a time per account: an attempt holds the account until it has been
-- checked (at most a few seconds, so that a check that never ended frees it by itself); guesses
-- sent at once beside it are refused unchecked, and only checked failures are counted.
ALTER TABLE oidc_account ADD COLUMN checking_until TIMESTAMP WITH TIME ZONE;
