package dev.gatehouse.persistence;

/**
 * What text the database can hold. PostgreSQL refuses U+0000 in any text value, so a statement
 * carrying one fails (a server error) where H2 goes on; no identifier, username or OAuth parameter
 * may contain it (RFC 6749 Appendix A), so a lookup by such a value finds nothing instead.
 */
public final class StoredText {

  private StoredText() {}

  /** Whether the value can be stored or looked up as text: not null and without U+0000. */
  public static boolean storable(String value) {
    return value != null && value.indexOf('\u0000') < 0;
  }
}
