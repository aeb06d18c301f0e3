package dev.gatehouse.protocol;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a host is on the public internet: what a URL chosen by a self-registering party (RFC 7591
 * §5: its metadata is self-asserted) may make this server fetch. Loopback, private (RFC 1918,
 * unique-local fc00::/7), link-local (the cloud metadata service at 169.254.169.254), shared
 * (100.64.0.0/10), unspecified, multicast and broadcast addresses are not, so a registrant cannot
 * turn the server's fetches into probes of its own network (CWE-918).
 *
 * <p>A host name is checked by every address it resolves to. The JVM caches a lookup (30 s by
 * default), so the fetch that follows the check connects to the address checked.
 */
public final class PublicAddresses {

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
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc; // unique local, RFC 4193
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
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
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

  private static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }
}
