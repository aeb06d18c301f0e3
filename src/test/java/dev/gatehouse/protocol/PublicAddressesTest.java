package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
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
    "::127.0.0.1, false",
    "64:ff9b::a9fe:a9fe, false",
    "64:ff9b::7f00:1, false",
    "64:ff9b::5db8:d822, true",
    "64:ff9b:1::a9fe:a9fe, false",
    "2002:a9fe:a9fe::, false",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2, false",
    "2001:db8::1, false",
    "100::1, false",
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
    "https://localhost./jwks, true",
    "https://localhost.localdomain/jwks, true",
    "https://0x7f000001/jwks, true",
    "https://017700000001/jwks, true",
    "https://127.1/jwks, true",
    "https://keys.0x7f/jwks, true",
    "https://keys.example./jwks, false",
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

  /** An IPv4-mapped address as DNS may give it (an Inet6Address, not converted to IPv4). */
  @Test
  void isPublicWhenIpv4MappedAsIpv6ThenJudgedNonPublic() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    byte[] loopback = {127, 0, 0, 1};
    System.arraycopy(loopback, 0, mapped, 12, 4);

    assertFalse(PublicAddresses.isPublic(Inet6Address.getByAddress(null, mapped, -1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://localhost:1/x", "https://127.0.0.1/x", "https://[::1]/x", "file:///etc"})
  void requirePublicHostWhenResolvesToLoopbackOrNoHostThenRefused(String url) {
    assertThrows(IOException.class, () -> PublicAddresses.requirePublicHost(url), url);
  }
}
