package dev.gatehouse.testing;

import dev.gatehouse.persistence.SecretHasher;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Test-only endpoint, deployed by the container tests alone: moves the timestamps of rows that real
 * flows created into the past (a test cannot wait days for tokens to expire or for the retention to
 * pass), and counts rows, so that the purge job and expiry can be observed over HTTP.
 */
@RequestScoped
@Path("/test-only/db")
public class DatabaseProbe {

  /** Every timestamp of a grant and of the codes and tokens it yielded. */
  private static final Map<String, List<String>> GRANT_TIMES =
      Map.of(
          "oidc_grant", List.of("created_at", "auth_time", "revoked_at", "expires_at"),
          "oidc_access_token", List.of("expires_at", "revoked_at"),
          "oidc_refresh_token", List.of("expires_at", "created_at", "consumed_at"),
          "oidc_authorization_code", List.of("expires_at", "consumed_at"));

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject dev.gatehouse.persistence.ExpiredRowPurger purger;

  /**
   * Moves a grant (found by the jti of one of its access tokens) and all its rows {@code by} into
   * the past; with {@code only=revocation} or {@code only=sign_in}, only the time it was revoked or
   * the user signed in; with {@code only=codes_and_access_tokens}, its codes and access tokens
   * alone. Returns the grant id.
   */
  @POST
  @Path("age-grant")
  @Transactional
  @Produces(MediaType.TEXT_PLAIN)
  public String ageGrant(
      @FormParam("jti") String jti, @FormParam("by") String by, @FormParam("only") String only) {
    String grantId =
        (String)
            em.createNativeQuery("SELECT grant_id FROM oidc_access_token WHERE jti = ?1")
                .setParameter(1, jti)
                .getSingleResult();
    long seconds = Duration.parse(by).toSeconds();
    if ("revocation".equals(only) || "sign_in".equals(only)) {
      requireOne(
          shift(
              "oidc_grant",
              "id",
              grantId,
              List.of(only.equals("revocation") ? "revoked_at" : "auth_time"),
              seconds));
      return grantId;
    }
    boolean codesAndAccessTokens = "codes_and_access_tokens".equals(only);
    Map<String, Integer> moved = new java.util.HashMap<>();
    GRANT_TIMES.forEach(
        (table, columns) -> {
          if (!codesAndAccessTokens
              || table.equals("oidc_access_token")
              || table.equals("oidc_authorization_code")) {
            moved.put(
                table,
                shift(
                    table,
                    table.equals("oidc_grant") ? "id" : "grant_id",
                    grantId,
                    columns,
                    seconds));
          }
        });
    // The access token the grant was found by has moved; so has the grant unless left out.
    if (moved.get("oidc_access_token") < 1 || moved.getOrDefault("oidc_grant", 1) != 1) {
      throw new NotFoundException("nothing moved for grant " + grantId);
    }
    return grantId;
  }

  /** Moves one refresh token (its expiry, issue and use) {@code by} into the past. */
  @POST
  @Path("age-refresh-token")
  @Transactional
  public void ageRefreshToken(@FormParam("token") String token, @FormParam("by") String by) {
    requireOne(
        shift(
            "oidc_refresh_token",
            "token_hash",
            SecretHasher.fingerprintFull(token),
            List.of("expires_at", "created_at", "consumed_at"),
            Duration.parse(by).toSeconds()));
  }

  /** Moves the SSO session with this sid {@code by} into the past. */
  @POST
  @Path("age-session")
  @Transactional
  public void ageSession(@FormParam("sid") String sid, @FormParam("by") String by) {
    requireOne(
        shift(
            "oidc_user_session",
            "sid",
            sid,
            List.of("auth_time", "expires_at", "ended_at"),
            Duration.parse(by).toSeconds()));
  }

  /** How many purge runs this server has finished. */
  @GET
  @Path("purge-runs")
  @Produces(MediaType.TEXT_PLAIN)
  public String purgeRuns() {
    return Long.toString(purger.completedRuns());
  }

  /** The product name of the database the application's persistence unit is on (JDBC metadata). */
  @GET
  @Path("product")
  @Produces(MediaType.TEXT_PLAIN)
  public String product() {
    return em.unwrap(org.hibernate.Session.class)
        .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName());
  }

  /** How many rows a grant has left: itself, codes, access tokens, refresh tokens. */
  @GET
  @Path("grant/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject grantRows(@PathParam("id") String id) {
    return Json.createObjectBuilder()
        .add("grant", count("oidc_grant", "id", id))
        .add("codes", count("oidc_authorization_code", "grant_id", id))
        .add("access_tokens", count("oidc_access_token", "grant_id", id))
        .add("refresh_tokens", count("oidc_refresh_token", "grant_id", id))
        .build();
  }

  /** When a grant's last refresh token expires (its creation if none), in epoch seconds. */
  @GET
  @Path("grant/{id}/expires-at")
  @Produces(MediaType.TEXT_PLAIN)
  public String grantExpiresAt(@PathParam("id") String id) {
    Object expires =
        em.createNativeQuery("SELECT expires_at FROM oidc_grant WHERE id = ?1")
            .setParameter(1, id)
            .getSingleResult();
    return Long.toString(
        expires instanceof java.time.temporal.TemporalAccessor time
            ? java.time.Instant.from(time).getEpochSecond()
            : ((java.util.Date) expires).toInstant().getEpochSecond());
  }

  /**
   * Makes a grant one begun before refresh families existed (V10): its refresh tokens, of either
   * form, are then known by their rows alone, as a legacy chain's are.
   */
  @POST
  @Path("grant/{id}/forget-refresh-family")
  @Transactional
  public void forgetRefreshFamily(@PathParam("id") String id) {
    requireOne(
        em.createNativeQuery("UPDATE oidc_grant SET refresh_family_hash = NULL WHERE id = ?1")
            .setParameter(1, id)
            .executeUpdate());
  }

  /**
   * Turns a grant's current refresh token into one issued before refresh families existed (V10): a
   * new value without a dot takes the stored token's place, and the grant forgets its family.
   * Returns the new value.
   */
  @POST
  @Path("legacy-refresh-token")
  @Transactional
  @Produces(MediaType.TEXT_PLAIN)
  public String legacyRefreshToken(@FormParam("token") String token) {
    String legacy = dev.gatehouse.protocol.RandomTokens.base64url(32);
    String hash = SecretHasher.fingerprintFull(token);
    String grantId =
        (String)
            em.createNativeQuery("SELECT grant_id FROM oidc_refresh_token WHERE token_hash = ?1")
                .setParameter(1, hash)
                .getSingleResult();
    requireOne(
        em.createNativeQuery("UPDATE oidc_refresh_token SET token_hash = ?1 WHERE token_hash = ?2")
            .setParameter(1, SecretHasher.fingerprintFull(legacy))
            .setParameter(2, hash)
            .executeUpdate());
    forgetRefreshFamily(grantId);
    return legacy;
  }

  /**
   * Deletes a client's row alone, leaving its grants live: the outcome of a token issued while the
   * client was being deleted, after the deletion revoked the grants it saw.
   */
  @DELETE
  @Path("client/{clientId}")
  @Transactional
  public void deleteClientRowOnly(@PathParam("clientId") String clientId) {
    requireOne(
        em.createNativeQuery("DELETE FROM oidc_client WHERE client_id = ?1")
            .setParameter(1, clientId)
            .executeUpdate());
  }

  /** How many users' consents to this client are remembered. */
  @GET
  @Path("consents/{clientId}")
  @Produces(MediaType.TEXT_PLAIN)
  public String consentRows(@PathParam("clientId") String clientId) {
    return Long.toString(count("oidc_consent", "client_id", clientId));
  }

  /** How many session rows carry this sid. */
  @GET
  @Path("session/{sid}")
  @Produces(MediaType.TEXT_PLAIN)
  public String sessionRows(@PathParam("sid") String sid) {
    return Long.toString(count("oidc_user_session", "sid", sid));
  }

  /** An aging that moved nothing would leave a test checking rows that never aged: 404. */
  private static void requireOne(int rows) {
    if (rows != 1) {
      throw new NotFoundException(rows + " rows moved, 1 expected");
    }
  }

  /** Moves the columns of the rows whose key is {@code value}; returns how many rows. */
  private int shift(String table, String key, String value, List<String> columns, long seconds) {
    int rows = 0;
    for (String column : columns) {
      rows =
          em.createNativeQuery(
                  "UPDATE "
                      + table
                      + " SET "
                      + column
                      + " = "
                      + column
                      + " - ("
                      + seconds
                      + " * INTERVAL '1' SECOND) WHERE "
                      + key
                      + " = ?1")
              .setParameter(1, value)
              .executeUpdate();
    }
    return rows;
  }

  /** The tables of rows that only the purge deletes, each by its key column. */
  private static final Map<String, String> SEEDED =
      Map.of(
          "oidc_access_token", "jti",
          "oidc_user_session", "id_hash",
          "oidc_pending_authorization", "id",
          "oidc_client_assertion", "jti_hash");

  /**
   * Inserts, with keys starting with {@code prefix}, one row for each purge rule that flows here
   * cannot age: an access token revoked on its own, an ended session, a pending authorization
   * request, a client-assertion jti; each once beyond the retention (two days old; {@code -old})
   * and once within it or still live ({@code -new}), beside a live grant. Returns what it inserted,
   * read in its own transaction (before the purge can see any of it).
   */
  @POST
  @Path("seed-purgeable")
  @Transactional
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject seedPurgeable(@FormParam("prefix") String prefix) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime longAgo = now.minusDays(2);
    OffsetDateTime recently = now.minusHours(1);
    OffsetDateTime soon = now.plusHours(1);
    insert(
        "INSERT INTO oidc_grant (id, subject, client_id, scope, auth_time, created_at, expires_at)"
            + " VALUES (?1, 'seeded', 'seeded', 'openid', ?2, ?2, ?2)",
        prefix + "-grant",
        now);
    for (var revoked : Map.of("-old", longAgo, "-new", recently).entrySet()) {
      insert(
          "INSERT INTO oidc_access_token (jti, grant_id, client_id, expires_at, revoked_at)"
              + " VALUES (?1, ?2, 'seeded', ?3, ?4)",
          prefix + revoked.getKey(),
          prefix + "-grant",
          soon,
          revoked.getValue());
      insert(
          "INSERT INTO oidc_user_session (id_hash, sid, subject, auth_time, expires_at, ended_at)"
              + " VALUES (?1, ?1, 'seeded', ?2, ?3, ?4)",
          prefix + revoked.getKey(),
          longAgo,
          soon,
          revoked.getValue());
    }
    for (var expires : Map.of("-old", longAgo, "-new", soon).entrySet()) {
      insert(
          "INSERT INTO oidc_pending_authorization (id, request, expires_at) VALUES (?1, '{}', ?2)",
          prefix + expires.getKey(),
          expires.getValue());
      insert(
          "INSERT INTO oidc_client_assertion (client_id, jti_hash, expires_at)"
              + " VALUES ('seeded', ?1, ?2)",
          prefix + expires.getKey(),
          expires.getValue());
    }
    return seeded(prefix);
  }

  /** The seeded rows still there, as table: keys. */
  @GET
  @Path("seeded/{prefix}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject seeded(@PathParam("prefix") String prefix) {
    var result = Json.createObjectBuilder();
    SEEDED.forEach(
        (table, key) -> {
          List<?> keys =
              em.createNativeQuery(
                      "SELECT " + key + " FROM " + table + " WHERE " + key + " LIKE ?1 ORDER BY 1")
                  .setParameter(1, prefix + "-%")
                  .getResultList();
          var array = Json.createArrayBuilder();
          keys.forEach(k -> array.add(k.toString().substring(prefix.length())));
          result.add(table, array);
        });
    return result.build();
  }

  private void insert(String sql, Object... values) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    query.executeUpdate();
  }

  private long count(String table, String key, String value) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?1")
                .setParameter(1, value)
                .getSingleResult())
        .longValue();
  }
}
