package dev.tandem.registry.auth;

import java.util.Set;

/**
 * The roles of the control plane's API. People and services hold one of {@link #VIEWER}, {@link
 * #OPERATOR} or {@link #ADMIN}, each including the ones before it; devices hold {@link #DEVICE}
 * alone, which no person's token carries and which carries nothing else.
 */
public final class Roles {
  /** Reads everything: models, devices, rollouts, the audit log. */
  public static final String VIEWER = "viewer";

  /** Steers the fleet: devices, rollouts, notes; and reads. */
  public static final String OPERATOR = "operator";

  /** Manages keys, tokens and models; and everything an operator does. */
  public static final String ADMIN = "admin";

  /** A device speaking for itself; never combined with the roles of people. */
  public static final String DEVICE = "device";

  /** The roles a person's or a service's API token may be created with. */
  public static final Set<String> TOKEN_ROLES = Set.of(VIEWER, OPERATOR, ADMIN);

  private Roles() {}

  /**
   * Every role that holding {@code role} grants: {@code admin} gives admin, operator and viewer;
   * {@code operator} gives operator and viewer; {@code device} gives device alone.
   *
   * @throws IllegalArgumentException if {@code role} is not one of the four roles
   */
  public static Set<String> granted(String role) {
    if (role == null) {
      throw new IllegalArgumentException("role must be one of admin, operator, viewer, device");
    }
    return switch (role) {
      case ADMIN -> Set.of(ADMIN, OPERATOR, VIEWER);
      case OPERATOR -> Set.of(OPERATOR, VIEWER);
      case VIEWER -> Set.of(VIEWER);
      case DEVICE -> Set.of(DEVICE);
      default ->
          throw new IllegalArgumentException(
              "role must be one of admin, operator, viewer, device, got '" + role + "'");
    };
  }
}
