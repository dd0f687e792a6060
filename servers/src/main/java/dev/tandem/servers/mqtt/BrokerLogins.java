package dev.tandem.servers.mqtt;

/**
 * Who may log in to the embedded broker, and as what. Runs on the broker's extension executor, so
 * it may block (on an HTTP call, say).
 */
public interface BrokerLogins {

  /** What a client logged in as. */
  enum Kind {
    /** A platform service (bridge, control plane, test harness): every topic. */
    SERVICE,
    /** A device: its own topics only ({@link dev.tandem.protocol.topic.DeviceTopicPolicy}). */
    DEVICE
  }

  /**
   * The answer to one login.
   *
   * @param kind what the client logged in as; null when refused
   * @param reason why, for the broker's log and the CONNACK's reason string
   */
  record Decision(Kind kind, String reason) {
    public static Decision as(Kind kind, String reason) {
      return new Decision(kind, reason);
    }

    public static Decision refused(String reason) {
      return new Decision(null, reason);
    }

    public boolean allowed() {
      return kind != null;
    }
  }

  /**
   * Decides one login.
   *
   * @param password as presented, or null without one
   */
  Decision login(String clientId, String username, byte[] password);
}
