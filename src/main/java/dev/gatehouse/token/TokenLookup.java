package dev.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Finds a token this provider issued, for introspection and revocation: an access token only while
 * it is active and unexpired (a JWT is otherwise just a string), a refresh token in whatever state
 * it is.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
@ApplicationScoped
public class TokenLookup {

  @Inject AccessTokenVerifier accessTokens;
  @Inject RefreshTokenRepository refreshTokens;

  /** A token found: its kind, and the client it was issued to. */
  public sealed interface Found permits ActiveAccessToken, StoredRefreshToken {
    String clientId();
  }

  /** An active access token and its verified claims. */
  public record ActiveAccessToken(JwtClaims claims, String clientId, String jti) implements Found {}

  /** A stored refresh token: possibly rotated, expired or of a revoked grant. */
  public record StoredRefreshToken(RefreshToken token) implements Found {
    @Override
    public String clientId() {
      return token.clientId();
    }
  }

  /** The token in the order its hint suggests; empty when this provider knows no such token. */
  public Optional<Found> find(PresentedToken presented) {
    Supplier<Optional<Found>> access = () -> accessToken(presented.value());
    Supplier<Optional<Found>> refresh =
        () -> refreshTokens.find(presented.value()).map(StoredRefreshToken::new);
    return presented.refreshTokenFirst() ? refresh.get().or(access) : access.get().or(refresh);
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
