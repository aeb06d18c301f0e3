package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrossOriginTest {

  @ParameterizedTest
  @CsvSource({
    "https://app.example/callback, https://app.example",
    "HTTPS://App.Example:443/cb?x=1, https://app.example",
    "https://app.example:8443/cb, https://app.example:8443",
    "http://127.0.0.1:53123/cb, http://127.0.0.1:53123",
    "http://localhost:80/cb, http://localhost"
  })
  void originWhenHttpUriThenSchemeHostAndNonDefaultPort(String uri, String origin) {
    assertEquals(Optional.of(origin), CrossOrigin.originOf(uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.example.app:/oauth2redirect", "/relative", "urn:x:y", "ht tp://x"})
  void originWhenNoWebOriginThenEmpty(String uri) {
    assertEquals(Optional.empty(), CrossOrigin.originOf(uri));
  }
}
