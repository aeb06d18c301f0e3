package dev.gatehouse.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment every container test uses: the WAR that {@code mvn package} built, unchanged. */
public final class Deployments {

  private Deployments() {}

  /**
   * The built WAR at the root context, plus the test-only resources of {@code testing/} (such as
   * {@link FailingResource}) that let tests reach code paths no real request can.
   */
  public static WebArchive war() {
    WebArchive built =
        ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("gatehouse.war")));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(built)
        .addClass(FailingResource.class)
        .addClass(ClientAuthProbe.class)
        .addClass(TokenMint.class)
        .addClass(DatabaseProbe.class)
        .addClass(RuntimeProbe.class)
        .addClass(AdjustableTokenSettings.class)
        .addClass(SettingsProbe.class)
        .addClass(LogProbe.class)
        .addClass(LogCapture.class);
  }
}
