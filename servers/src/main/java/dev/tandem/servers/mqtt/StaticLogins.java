package dev.tandem.servers.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** A fixed table of service logins (user name to password), each with every topic. */
public final class StaticLogins implements BrokerLogins {
  private final Map<String, String> passwords;

  public StaticLogins(Map<String, String> passwords) {
    this.passwords = Map.copyOf(passwords);
  }

  @Override
  public Decision login(String clientId, String username, byte[] password) {
    return knows(username, password)
        ? Decision.as(Kind.SERVICE, "service login")
        : Decision.refused("unknown user name or wrong password");
  }

  /** Whether the table holds this user name with this password. */
  boolean knows(String username, byte[] password) {
    String expected = username == null ? null : passwords.get(username);
    return expected != null
        && password != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password);
  }
}
