package dev.gatehouse.protocol;

import jakarta.ws.rs.core.MediaType;

/** What a request's Content-Type names. */
public final class ContentTypes {

  private ContentTypes() {}

  /**
   * Whether {@code type} is {@code format} itself, parameters such as charset aside: a wildcard
   * such as {@code application/*} names no format, so it is none ({@link MediaType#isCompatible}
   * would accept it).
   */
  public static boolean is(MediaType type, MediaType format) {
    return type != null
        && format.getType().equalsIgnoreCase(type.getType())
        && format.getSubtype().equalsIgnoreCase(type.getSubtype());
  }
}
