package dev.tandem.sandbox.demo;

import dev.tandem.sandbox.registry.Artifacts;
import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.trainer.registry.RegistryApi;

/**
 * What the control-plane steps share: the model they register, its first artifact, and an admin
 * client of the running sandbox. The later steps build on what the first one registered.
 */
final class ModelDemo {
  static final String MODEL = "demo-vibration";
  static final String FIRST = "1.0.0";
  static final String SECOND = "1.1.0";
  static final String VARIANT = "int8";
  static final String HARDWARE = "x86-cpu";
  static final String ALIAS = "production";

  /** A first artifact of 48 KiB: small, but several network packets. */
  final byte[] artifact = Artifacts.of(MODEL + "@" + FIRST, 48 * 1024);

  private boolean registered;

  String path(String version) {
    return "models/" + MODEL + "/" + version + "/" + VARIANT;
  }

  RegistryApi admin(Sandbox sandbox) {
    return sandbox.admin();
  }

  String sha256() {
    return Artifacts.sha256(artifact);
  }

  void registered() {
    registered = true;
  }

  /** Fails a later step plainly when the step it builds on did not pass. */
  void requireRegistered() {
    if (!registered) {
      throw new IllegalStateException(
          "needs step '" + RegisterModelStep.NAME + "', which did not pass");
    }
  }
}
