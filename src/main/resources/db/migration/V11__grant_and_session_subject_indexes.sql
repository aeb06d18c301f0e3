-- The operator's sign-out of a user (POST /admin/users/{sub}/logout) ends the user's sessions and
-- revokes the user's grants: one index lookup each instead of a scan of both tables.
CREATE INDEX oidc_grant_subject ON oidc_grant (subject);
CREATE INDEX oidc_user_session_subject ON oidc_user_session (subject);
