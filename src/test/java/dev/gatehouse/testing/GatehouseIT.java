package dev.gatehouse.testing;

import dev.gatehouse.KrazoFilterScopeContract;
import dev.gatehouse.accounts.AccountAdminContract;
import dev.gatehouse.authorization.AuthorizationCodeFlowContract;
import dev.gatehouse.authorization.ConsentRaceContract;
import dev.gatehouse.authorization.ConsentWithdrawalContract;
import dev.gatehouse.clients.ClientAuthContract;
import dev.gatehouse.discovery.DiscoveryContract;
import dev.gatehouse.discovery.HomePageContract;
import dev.gatehouse.health.HealthContract;
import dev.gatehouse.health.MetricsContract;
import dev.gatehouse.introspection.IntrospectionContract;
import dev.gatehouse.keys.JwksContract;
import dev.gatehouse.keys.KeyAdminContract;
import dev.gatehouse.persistence.PurgeContract;
import dev.gatehouse.protocol.CrossOriginContract;
import dev.gatehouse.protocol.ErrorModelContract;
import dev.gatehouse.protocol.NulCharacterContract;
import dev.gatehouse.registration.ClientAdminContract;
import dev.gatehouse.registration.RegistrationContract;
import dev.gatehouse.resourceserver.ResourceServerContract;
import dev.gatehouse.revocation.RevocationContract;
import dev.gatehouse.session.SignOutEverywhereContract;
import dev.gatehouse.token.MpJwtInteropContract;
import dev.gatehouse.token.RefreshRetryContract;
import dev.gatehouse.token.TokenLifecycleContract;
import dev.gatehouse.token.TokenRaceContract;
import dev.gatehouse.userinfo.UserInfoAndLogoutContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * All container tests in one Payara Micro start: each feature's tests live in its own package as a
 * {@code *Contract} interface of default {@code @Test} methods, and this class runs them all
 * against one deployment (a start costs ~20 s; one per feature would multiply CI time).
 */
@ExtendWith(ArquillianExtension.class)
class GatehouseIT
    implements DiscoveryContract,
        HomePageContract,
        JwksContract,
        KeyAdminContract,
        HealthContract,
        MetricsContract,
        ErrorModelContract,
        CrossOriginContract,
        RegistrationContract,
        ClientAdminContract,
        ClientAuthContract,
        ResourceServerContract,
        AuthorizationCodeFlowContract,
        UserInfoAndLogoutContract,
        MpJwtInteropContract,
        TokenLifecycleContract,
        RefreshRetryContract,
        IntrospectionContract,
        RevocationContract,
        SignOutEverywhereContract,
        ConsentWithdrawalContract,
        ConsentRaceContract,
        TokenRaceContract,
        PurgeContract,
        NulCharacterContract,
        KrazoFilterScopeContract,
        AccountAdminContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }
}
