package dev.tandem.sandbox.demo;

import dev.tandem.servers.ServerKind;
import java.util.ArrayList;
import java.util.List;

/** The scripted end-to-end scenario, in order. Later capabilities append their steps here. */
final class DemoScenario {
  private DemoScenario() {}

  static List<DemoStep> steps() {
    List<DemoStep> steps = new ArrayList<>();
    for (ServerKind kind : ServerKind.values()) {
      steps.add(new ServerAnswersStep(kind));
    }
    steps.add(new RegistryReadyStep());
    steps.add(new FleetReachesBrokerStep());
    steps.add(new FleetReachesKafkaStep());
    steps.add(new LakeHoldsParquetStep());
    ModelDemo model = new ModelDemo();
    steps.add(new RegisterModelStep(model));
    steps.add(new MoveAliasStep(model));
    steps.add(new SignedTargetsStep(model));
    steps.add(new TrainOnLakeStep());
    return steps;
  }
}
