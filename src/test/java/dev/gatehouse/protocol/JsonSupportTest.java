package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps per-call JSON-P provider lookups out of the code (they cost CPU on every request). */
class JsonSupportTest {

  private static final Pattern PER_CALL_LOOKUP =
      Pattern.compile("\\bJson\\.create(?!BuilderFactory)\\w*\\(");

  @Test
  void mainCodeWhenScannedThenNoStaticJsonFactoryCalls() throws IOException {
    List<String> offenders;
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      offenders =
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> PER_CALL_LOOKUP.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
    }
    assertEquals(List.of(), offenders, "use JsonSupport.JSON instead of Json.createX");
  }

  @Test
  void providerThenBuildsAndParses() {
    assertNotNull(JsonSupport.JSON);
    assertEquals(
        "{\"a\":1}", JsonSupport.JSON.createObjectBuilder().add("a", 1).build().toString());
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
