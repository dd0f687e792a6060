package dev.tandem.registry.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** The control plane's clock: the system clock, replaceable by tests with a bean of their own. */
@Singleton
public class Clocks {

  @Produces
  @Singleton
  @DefaultBean
  InstantSource systemClock() {
    return InstantSource.system();
  }
}
