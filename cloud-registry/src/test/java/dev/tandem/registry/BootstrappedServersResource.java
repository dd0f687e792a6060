package dev.tandem.registry;

import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The test kit's real servers plus a bootstrap admin token, for the packaged application, which
 * runs in the prod profile and so without the test profile's token.
 */
public final class BootstrappedServersResource implements QuarkusTestResourceLifecycleManager {
  private final TandemServersResource servers = new TandemServersResource();

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(servers.start());
    config.put("tandem.auth.bootstrap-token", TestTokens.BOOTSTRAP);
    return config;
  }

  @Override
  public void stop() {
    servers.stop();
  }
}
