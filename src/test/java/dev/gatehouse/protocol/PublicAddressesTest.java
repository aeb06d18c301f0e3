package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, false",
    "127.1.2.3, false",
    "10.0.0.7, false",
    "172.16.0.1, false",
    "172.31.255.255, false",
    "192.168.1.1, false",
    "169.254.169.254, false",
    "0.0.0.0, false",
    "0.1.2.3, false",
    "100.64.0.1, false",
    "100.127.255.255, false",
    "192.0.0.8, false",
    "198.18.0.1, false",
    "224.0.0.1, false",
    "240.0.0.1, false",
    "255.255.255.255, false",
    "::1, false",
    "::, false",
    "fe80::1, false",
    "fc00::1, false",
    "fd12:3456::1, false",
    "ff02::1, false",
    "::ffff:127.0.0.1, false",
    "::ffff:10.0.0.1, false",
    "93.184.216.34, true",
    "8.8.8.8, true",
    "172.32.0.1, true",
    "100.128.0.1, true",
    "192.0.2.1, true",
    "2606:4700::1111, true",
  })
  void isPublicWhenAddressThenOnlyInternetAddresses(String literal, boolean expected)
      throws Exception {
    assertEquals(expected, PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @CsvSource({
    "https://localhost/jwks, true",
    "https://LOCALHOST:8443/jwks, true",
    "https://keys.localhost/jwks, true",
    "https://127.0.0.1/jwks, true",
    "https://2130706433/jwks, true",
    "https://[::1]/jwks, true",
    "https://[fd00::1]/jwks, true",
    "https://169.254.169.254/latest/meta-data, true",
    "https://10.1.2.3/jwks, true",
    "https://93.184.216.34/jwks, false",
    "https://keys.example/jwks, false",
    "https://[2606:4700::1111]/jwks, false",
  })
  void namesNonPublicHostWhenWrittenAsLoopbackOrPrivateLiteralThenTrue(
      String url, boolean expected) {
    assertEquals(expected, PublicAddresses.namesNonPublicHost(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://localhost:1/x", "https://127.0.0.1/x", "https://[::1]/x", "file:///etc"})
  void requirePublicHostWhenResolvesToLoopbackOrNoHostThenRefused(String url) {
    assertThrows(IOException.class, () -> PublicAddresses.requirePublicHost(url), url);
  }
}
