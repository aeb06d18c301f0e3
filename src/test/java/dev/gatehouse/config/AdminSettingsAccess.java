package dev.gatehouse.config;

import java.util.Optional;

/** Admin settings for tests outside this package. */
public final class AdminSettingsAccess {

  private AdminSettingsAccess() {}

  public static AdminSettings withToken(String token) {
    AdminSettings settings = new AdminSettings();
    settings.adminToken = Optional.ofNullable(token);
    return settings;
  }
}
