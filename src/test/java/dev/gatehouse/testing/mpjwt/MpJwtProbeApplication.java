package dev.gatehouse.testing.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** An unmodified MicroProfile JWT service, as a Gatehouse user would deploy one (test-only WAR). */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("staff")
public class MpJwtProbeApplication extends Application {}
