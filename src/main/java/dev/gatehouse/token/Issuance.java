package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.clients.ClientMetadata;
import java.util.Optional;

/**
 * What to issue for a grant: the access token's scope, the user (null for client_credentials), the
 * nonce for the ID token, the refresh token's scope (null: no refresh token) and, on rotation, the
 * refresh token the new one replaces (null for a grant's first refresh token).
 */
record Issuance(
    Grant grant,
    Account account,
    ClientMetadata client,
    String accessScope,
    String nonce,
    String refreshScope,
    Rotation rotation) {

  /**
   * The refresh token a new one replaces: its row, and the family its value names (empty for a
   * chain begun before families existed: the new token goes on without one).
   */
  record Rotation(RefreshToken replaced, Optional<String> family) {}
}
