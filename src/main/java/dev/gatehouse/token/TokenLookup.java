package dev.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Finds a token this provider issued, for introspection and revocation, in whatever state it is: an
 * access token active or not (by its signature, once its record may be gone), a refresh token by
 * its row, and by its family once the purge deleted its row (a rotated one).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
@ApplicationScoped
public class TokenLookup {

  @Inject AccessTokenVerifier accessTokens;
  @Inject RefreshTokenRepository refreshTokens;
  @Inject GrantRepository grants;

  /** A token found: its kind, and the client it was issued to. */
  public sealed interface Found permits ActiveAccessToken, InactiveAccessToken, RefreshTokenFound {
    String clientId();
  }

  /** A refresh token found, stored or not: the grant it belongs to. */
  public sealed interface RefreshTokenFound extends Found
      permits StoredRefreshToken, PurgedRefreshToken {
    String grantId();
  }

  /** An active access token and its verified claims. */
  public record ActiveAccessToken(JwtClaims claims, String clientId, String jti) implements Found {}

  /**
   * An access token this provider issued that is no longer active (expired, revoked): only whose it
   * is.
   */
  public record InactiveAccessToken(String clientId) implements Found {}

  /** A stored refresh token: possibly rotated, expired or of a revoked grant. */
  public record StoredRefreshToken(RefreshToken token) implements RefreshTokenFound {
    @Override
    public String clientId() {
      return token.clientId();
    }

    @Override
    public String grantId() {
      return token.grantId();
    }
  }

  /**
   * A refresh token without a row whose family names a grant: one rotated longer ago than the
   * purge's retention (never active, but it still names its grant).
   */
  public record PurgedRefreshToken(String grantId, String clientId) implements RefreshTokenFound {}

  /** The token in the order its hint suggests; empty when this provider knows no such token. */
  public Optional<Found> find(PresentedToken presented) {
    Supplier<Optional<Found>> access =
        () ->
            accessToken(presented.value())
                .or(() -> accessTokens.issuedTo(presented.value()).map(InactiveAccessToken::new));
    Supplier<Optional<Found>> refresh =
        () ->
            refreshTokens
                .find(presented.value())
                .<Found>map(StoredRefreshToken::new)
                .or(() -> byFamily(presented.value()));
    return presented.refreshTokenFirst() ? refresh.get().or(access) : access.get().or(refresh);
  }

  private Optional<Found> byFamily(String token) {
    return grants
        .findByFamilyOf(token)
        .map(grant -> new PurgedRefreshToken(grant.id(), grant.clientId()));
  }

  private Optional<Found> accessToken(String token) {
    return accessTokens
        .verify(token)
        .flatMap(
            claims -> {
              try {
                String clientId = claims.getStringClaimValue("client_id");
                return clientId == null
                    ? Optional.empty()
                    : Optional.of(new ActiveAccessToken(claims, clientId, claims.getJwtId()));
              } catch (MalformedClaimException e) {
                return Optional.empty();
              }
            });
  }
}
