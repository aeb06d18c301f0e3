package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the one defaults file, the code that reads it and the README table in step. */
class ConfigurationDocumentationTest {

  private static final Path DEFAULTS =
      Path.of("src/main/resources/META-INF/microprofile-config.properties");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"([^)]*)\\)");

  @Test
  void everyKeyReadByCodeHasDefaultInDefaultsFileAndNoDefaultValueInCode() throws IOException {
    Set<String> documented = documentedKeys();
    Set<String> read = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CONFIG_PROPERTY.matcher(Files.readString(source));
        while (m.find()) {
          read.add(m.group(1));
          assertFalse(m.group(2).contains("defaultValue"), "default in code: " + source);
        }
      }
    }
    assertFalse(read.isEmpty());
    read.removeAll(documented);
    assertEquals(Set.of(), read, "keys read by code but missing from " + DEFAULTS);
  }

  @Test
  void everyDocumentedKeyAppearsInReadmeTableWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Properties defaults = load();
    for (String key : defaults.stringPropertyNames()) {
      String value = defaults.getProperty(key);
      String row = "| `" + key + "` | " + (value.isEmpty() ? "(empty)" : "`" + value + "`") + " |";
      assertTrue(readme.contains(row), "README configuration table lacks or misstates: " + row);
    }
  }

  @Test
  void persistenceXmlFallbackMatchesDocumentedJndiDefault() throws IOException {
    // Payara resolves jta-data-source before the WAR's config file is visible, so the default is
    // repeated inside the placeholder; it must not drift from the documented one.
    String persistence = Files.readString(Path.of("src/main/resources/META-INF/persistence.xml"));
    String jndiDefault = load().getProperty("oidc.db.jndi-name");
    assertTrue(
        persistence.contains("${MPCONFIG=oidc.db.jndi-name:" + jndiDefault + "}"),
        "persistence.xml fallback differs from " + jndiDefault);
  }

  private static Set<String> documentedKeys() throws IOException {
    return new TreeSet<>(load().stringPropertyNames());
  }

  private static Properties load() throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(DEFAULTS)) {
      properties.load(reader);
    }
    return properties;
  }
}
