package dev.tandem.sandbox.demo;

import dev.tandem.servers.ServerKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The scripted end-to-end scenario, in order. Later capabilities append their steps here. */
final class DemoScenario {
  private DemoScenario() {}

  /**
   * @param progress where long steps show how they go
   */
  static List<DemoStep> steps(PrintStream progress) {
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
    TrainedModel trained = new TrainedModel();
    steps.add(new TrainOnLakeStep(trained));
    steps.add(new RolloutToFleetStep(trained, progress));
    return steps;
  }
}
