package dev.tandem.registry.auth.token;

import dev.tandem.registry.config.TandemConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The admin token from {@code tandem.auth.bootstrap-token}, for creating the first real tokens. It
 * is given either as the token itself ({@code tdm_...}, for sandboxes) or as {@code sha256:<hex>}
 * of it (production, so the secret never sits in configuration). It is never stored in the
 * database: remove it from the configuration once real admin tokens exist.
 */
@ApplicationScoped
public class BootstrapToken {
  private static final Logger LOG = Logger.getLogger(BootstrapToken.class);
  private static final String HASH_PREFIX = "sha256:";

  private final Optional<byte[]> hash;
  private final String name;

  @Inject
  BootstrapToken(TandemConfig config) {
    this(config.auth().bootstrapToken(), config.auth().bootstrapName());
  }

  BootstrapToken(Optional<String> configured, String name) {
    this.hash = configured.map(BootstrapToken::hashOf);
    this.name = name;
    if (hash.isPresent()) {
      LOG.infof(
          "bootstrap admin token configured (principal '%s'); remove tandem.auth.bootstrap-token"
              + " once real admin tokens exist",
          name);
    }
  }

  /** Whether {@code token} is the bootstrap token. Compares in constant time. */
  public boolean matches(String token) {
    return hash.isPresent() && MessageDigest.isEqual(hash.get(), TokenSecrets.hash(token));
  }

  /** The principal name the bootstrap token acts as. */
  public String name() {
    return name;
  }

  /** The hash of a configured value: a token, or {@code sha256:<64 hex digits>}. */
  static byte[] hashOf(String configured) {
    if (configured.startsWith(HASH_PREFIX)) {
      return HexFormat.of().parseHex(configured.substring(HASH_PREFIX.length()));
    }
    return TokenSecrets.hash(configured);
  }
}
