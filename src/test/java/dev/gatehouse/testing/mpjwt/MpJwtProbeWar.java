package dev.gatehouse.testing.mpjwt;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the MicroProfile JWT probe WAR before the container tests start (exec-maven-plugin), with
 * the provider under test as its trusted issuer: {@code <war file> <issuer>}.
 */
public final class MpJwtProbeWar {

  private MpJwtProbeWar() {}

  public static void main(String[] args) {
    String issuer = args[1];
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "mpjwt-probe.war")
            .addClasses(MpJwtProbeApplication.class, WhoAmIResource.class)
            .addAsResource(
                new StringAsset(
                    "mp.jwt.verify.issuer="
                        + issuer
                        + "\n"
                        + "mp.jwt.verify.publickey.location="
                        + issuer
                        + "/jwks.json\n"),
                "META-INF/microprofile-config.properties")
            // Discovery mode all: Payara's MP-JWT extension must see @LoginConfig on the
            // Application.
            .addAsWebInfResource(
                new StringAsset(
                    "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"all\"/>"),
                "beans.xml");
    war.as(ZipExporter.class).exportTo(new File(args[0]), true);
  }
}
