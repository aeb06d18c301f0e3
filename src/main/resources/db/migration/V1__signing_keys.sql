-- Signing keys (RFC 7517 JWK). One ACTIVE signer, one NEXT key published ahead of use,
-- RETIRED keys published until publish_until (OpenID Connect Core §10.1.1).
CREATE TABLE oidc_signing_key (
    kid                    VARCHAR(64)    NOT NULL PRIMARY KEY,
    algorithm              VARCHAR(16)    NOT NULL,
    status                 VARCHAR(16)    NOT NULL,
    public_jwk             VARCHAR(4000)  NOT NULL,
    private_jwk            VARCHAR(16000) NOT NULL,
    private_key_protection VARCHAR(32)    NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at           TIMESTAMP WITH TIME ZONE,
    retired_at             TIMESTAMP WITH TIME ZONE,
    publish_until          TIMESTAMP WITH TIME ZONE,
    version                BIGINT         NOT NULL
);
CREATE INDEX oidc_signing_key_status ON oidc_signing_key (status);
