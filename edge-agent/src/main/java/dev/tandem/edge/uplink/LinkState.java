package dev.tandem.edge.uplink;

/** Whether the agent can currently reach its broker. */
public enum LinkState {
  CONNECTING,
  ONLINE,
  OFFLINE,
  STOPPED
}
