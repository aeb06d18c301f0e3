-- Deleting a client (and an operator creating one, which ends what a former client of the same
-- client_id left) revokes the client's grants and forgets its consents: one index lookup each
-- instead of a scan of both tables, which client_credentials grants alone keep large.
CREATE INDEX oidc_grant_client ON oidc_grant (client_id);
CREATE INDEX oidc_consent_client ON oidc_consent (client_id);
-- Redeeming a code checks that the sign-in session it was issued in (its sid) is still active.
CREATE INDEX oidc_user_session_sid ON oidc_user_session (sid);
