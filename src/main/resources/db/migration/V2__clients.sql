-- OAuth clients (RFC 7591 metadata as JSON, secrets and registration tokens as hashes only).
CREATE TABLE oidc_client (
    client_id                  VARCHAR(128)   NOT NULL PRIMARY KEY,
    client_secret_hash         VARCHAR(128),
    client_secret_expires_at   BIGINT         NOT NULL,
    registration_token_hash    VARCHAR(128),
    token_endpoint_auth_method VARCHAR(32)    NOT NULL,
    metadata                   VARCHAR(32000) NOT NULL,
    origin                     VARCHAR(16)    NOT NULL,
    issued_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT         NOT NULL
);

-- jti values of private_key_jwt client assertions seen, until they expire (RFC 7523 §3).
CREATE TABLE oidc_client_assertion (
    client_id  VARCHAR(128) NOT NULL,
    jti_hash   VARCHAR(64)  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, jti_hash)
);
CREATE INDEX oidc_client_assertion_expires ON oidc_client_assertion (expires_at);
