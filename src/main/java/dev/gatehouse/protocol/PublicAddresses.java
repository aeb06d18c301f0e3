package dev.gatehouse.protocol;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host is on the public internet: what a URL chosen by a self-registering party (RFC 7591
 * §5: its metadata is self-asserted) may make this server fetch. Loopback, private (RFC 1918,
 * unique-local fc00::/7), link-local (the cloud metadata service at 169.254.169.254), shared
 * (100.64.0.0/10), unspecified, multicast and broadcast addresses are not, so a registrant cannot
 * turn the server's fetches into probes of its own network (CWE-918). An IPv6 address is public
 * only in global unicast (2000::/3) outside 6to4 (2002::/16), Teredo (2001::/32) and documentation
 * (2001:db8::/32), or in the well-known NAT64 prefix (64:ff9b::/96, what DNS64 gives an IPv4-only
 * host on an IPv6-only network) when the IPv4 address it carries is public: IPv4-mapped and
 * -compatible forms are refused.
 *
 * <p>A host name is checked by every address it resolves to. The fetch that follows resolves it
 * again: the JVM's cache of lookups (30 s by default) makes that the address checked, except when
 * the cached entry expires between the two (DNS rebinding timed to that moment); an egress firewall
 * closes that gap. Through a JVM-wide proxy, the proxy connects: its own rules apply.
 */
public final class PublicAddresses {

  /** A host whose last label is numeric or hexadecimal (0x...): an IPv4 address in some form. */
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(?:[^.]+\\.)*(?:[0-9]+|0x[0-9a-f]*)");

  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  private PublicAddresses() {}

  /** Whether the address is public (see the class comment). */
  public static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // shared address space, RFC 6598
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking, RFC 2544
          && first < 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address && isNat64(b)) {
      // DNS64 gives an IPv4-only host this address on an IPv6-only network: judge the IPv4 one.
      try {
        return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    if (address instanceof Inet6Address) {
      int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
      int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
      return (b[0] & 0xe0) == 0x20 // global unicast 2000::/3
          && first16 != 0x2002 // 6to4
          && !(first16 == 0x2001 && second16 == 0) // Teredo
          && !(first16 == 0x2001 && second16 == 0x0db8); // documentation
    }
    return false;
  }

  /**
   * Whether a URL's host is written as a name or address that is never public (localhost, a
   * non-public IP literal), without resolving it: a registration can be refused at once.
   */
  public static boolean namesNonPublicHost(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("localhost.localdomain")
        || h.isEmpty()) {
      return true;
    }
    if (NUMERIC_HOST.matcher(h).matches() && !DOTTED_QUAD.matcher(h).matches()) {
      return true; // 0x7f000001, 017700000001, 127.1: an address in a form resolvers differ on
    }
    if (!isIpLiteral(h)) {
      return false;
    }
    try {
      return !isPublic(InetAddress.getByName(h));
    } catch (UnknownHostException e) {
      return true;
    }
  }

  /** Refuses a URL whose host resolves to any non-public address (or does not resolve). */
  public static void requirePublicHost(String url) throws IOException {
    String host = URI.create(url).getHost();
    if (host == null) {
      throw new IOException("no host in " + url);
    }
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (!isPublic(address)) {
        throw new IOException(host + " resolves to a non-public address; not fetched");
      }
    }
  }

  /** The well-known NAT64 prefix 64:ff9b::/96 (RFC 6052). */
  private static boolean isNat64(byte[] b) {
    byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    return java.util.Arrays.equals(b, 0, 12, prefix, 0, 12);
  }

  private static boolean isIpLiteral(String host) {
    return host.startsWith("[") || DOTTED_QUAD.matcher(host).matches();
  }
}
