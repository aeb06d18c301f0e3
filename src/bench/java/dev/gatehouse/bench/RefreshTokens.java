package dev.gatehouse.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets refresh tokens for the benchmark the way a browser and a web app would: one sign-in through
 * the real login and consent pages (CSRF field, session cookie, 303s), then one authorization code
 * per token from the SSO session, each redeemed with PKCE. Prints the tokens, comma-separated.
 *
 * <p>Usage: {@code java RefreshTokens.java <base> <client_id:secret> <redirect_uri> <count>
 * <username> <password>}; loopback bases only.
 */
public final class RefreshTokens {

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

  private final String base;
  private final String client;
  private final String redirectUri;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RefreshTokens(String base, String client, String redirectUri) {
    this.base = base;
    this.client = client;
    this.redirectUri = redirectUri;
  }

  public static void main(String[] args) throws Exception {
    String host = URI.create(args[0]).getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
      throw new IllegalArgumentException("loopback only: " + args[0]);
    }
    RefreshTokens bench = new RefreshTokens(args[0], args[1], args[2]);
    int count = Integer.parseInt(args[3]);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(bench.refreshToken(args[4], args[5]));
    }
    System.out.println(String.join(",", tokens));
  }

  /**
   * One code (signing in first when the SSO session does not answer at once), redeemed. Form
   * actions and redirects resolve against the page's own address, so that the session cookie goes
   * back to the host that set it.
   */
  private String refreshToken(String username, String password) throws Exception {
    String verifier = random();
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    HttpResponse<String> step =
        get(
            base
                + "/authorize?"
                + form(
                    Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        client.substring(0, client.indexOf(':')),
                        "redirect_uri",
                        redirectUri,
                        "scope",
                        "openid offline_access",
                        "state",
                        random(),
                        "code_challenge",
                        challenge,
                        "code_challenge_method",
                        "S256")));
    // Follow the provider's own pages until it redirects to the client with a code.
    for (int hops = 0; hops < 10; hops++) {
      String location = step.headers().firstValue("Location").orElse(null);
      if (location != null && location.startsWith(redirectUri)) {
        return redeem(query(location, "code"), verifier);
      }
      if (location != null) {
        step = get(step.uri().resolve(location).toString());
      } else if (step.body().contains("name=\"login\"")) {
        Map<String, String> fields = hidden(step.body());
        fields.put("username", username);
        fields.put("password", password);
        step = post(step.uri().resolve("login").toString(), form(fields), null);
      } else if (step.body().contains("name=\"consent\"")) {
        Map<String, String> fields = hidden(step.body());
        fields.put("decision", "approve");
        step = post(step.uri().resolve("consent").toString(), form(fields), null);
      } else {
        throw new IllegalStateException("unexpected page: HTTP " + step.statusCode());
      }
    }
    throw new IllegalStateException("no code after 10 steps");
  }

  private String redeem(String code, String verifier) throws Exception {
    HttpResponse<String> response =
        post(
            base + "/token",
            form(
                Map.of(
                    "grant_type", "authorization_code",
                    "code", code,
                    "redirect_uri", redirectUri,
                    "code_verifier", verifier)),
            "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)));
    Matcher token = REFRESH.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException("no refresh token: HTTP " + response.statusCode());
    }
    return token.group(1);
  }

  private HttpResponse<String> get(String uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String uri, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> hidden(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      fields.put(m.group(1), unescape(m.group(2)));
    }
    return fields;
  }

  /** Undoes the five escapes of the page's HTML encoder (Krazo's {@code mvc.encoders.html}). */
  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String form(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  private static String query(String uri, String name) {
    for (String pair : URI.create(uri).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no " + name + " in the redirect");
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
