package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.clients.ClientMetadata;

/**
 * What to issue for a grant: the access token's scope, the user (null for client_credentials), the
 * nonce for the ID token, the refresh token's scope (null: no refresh token) and the refresh token
 * the new one replaces (null but on rotation).
 */
record Issuance(
    Grant grant,
    Account account,
    ClientMetadata client,
    String accessScope,
    String nonce,
    String refreshScope,
    RefreshToken replaces) {}
