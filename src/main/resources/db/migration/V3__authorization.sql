-- End users (OpenID Connect Core §5.1 claims as JSON; password as a PBKDF2 hash).
CREATE TABLE oidc_account (
    subject        VARCHAR(64)   NOT NULL PRIMARY KEY,
    username       VARCHAR(128)  NOT NULL,
    password_hash  VARCHAR(512)  NOT NULL,
    claims         VARCHAR(8000) NOT NULL,
    groups_list    VARCHAR(2000) NOT NULL,
    failed_logins  INTEGER       NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL
);
CREATE UNIQUE INDEX oidc_account_username ON oidc_account (username);

-- SSO sessions: the cookie value is only stored as a hash.
CREATE TABLE oidc_user_session (
    id_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    sid         VARCHAR(64)  NOT NULL,
    subject     VARCHAR(64)  NOT NULL,
    auth_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oidc_user_session_expires ON oidc_user_session (expires_at);

-- Authorization requests waiting for login or consent.
CREATE TABLE oidc_pending_authorization (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    request     VARCHAR(16000) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Remembered consent per user and client (the scopes granted so far).
CREATE TABLE oidc_consent (
    subject     VARCHAR(64)   NOT NULL,
    client_id   VARCHAR(128)  NOT NULL,
    scopes      VARCHAR(2000) NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject, client_id)
);

-- One grant per authorization; every code and token carries its grant_id, so revoking the grant
-- reaches them all.
CREATE TABLE oidc_grant (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    subject     VARCHAR(64)   NOT NULL,
    client_id   VARCHAR(128)  NOT NULL,
    scope       VARCHAR(2000) NOT NULL,
    auth_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    sid         VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE oidc_authorization_code (
    code_hash       VARCHAR(64)   NOT NULL PRIMARY KEY,
    grant_id        VARCHAR(64)   NOT NULL,
    client_id       VARCHAR(128)  NOT NULL,
    redirect_uri    VARCHAR(2000) NOT NULL,
    code_challenge  VARCHAR(128),
    nonce           VARCHAR(512),
    max_age_sent    BOOLEAN       NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at     TIMESTAMP WITH TIME ZONE
);

-- Issued access tokens by jti, so that revoking a grant makes its JWTs inactive.
CREATE TABLE oidc_access_token (
    jti         VARCHAR(64)  NOT NULL PRIMARY KEY,
    grant_id    VARCHAR(64)  NOT NULL,
    client_id   VARCHAR(128) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_access_token_grant ON oidc_access_token (grant_id);

CREATE TABLE oidc_refresh_token (
    token_hash  VARCHAR(64)   NOT NULL PRIMARY KEY,
    grant_id    VARCHAR(64)   NOT NULL,
    client_id   VARCHAR(128)  NOT NULL,
    scope       VARCHAR(2000) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oidc_refresh_token_grant ON oidc_refresh_token (grant_id);
