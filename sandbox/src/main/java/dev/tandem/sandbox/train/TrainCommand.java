package dev.tandem.sandbox.train;

import dev.tandem.config.ConfigError;
import dev.tandem.sandbox.config.ConfigException;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.job.JobConfig;
import dev.tandem.trainer.job.JobConfigReader;
import dev.tandem.trainer.job.JobResult;
import dev.tandem.trainer.job.TrainingJob;
import dev.tandem.trainer.job.TrainingJobWorker;
import dev.tandem.trainer.model.CancellationFlag;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem train --config FILE} runs one job; {@code ./tandem train --worker --kafka
 * HOST:PORT} takes jobs from Kafka until Ctrl-C. Ctrl-C cancels the running job at its next batch:
 * nothing is registered.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a model from the lake (or generated data), shrink it for the edge and register it"
            + " (see docs/trainer.md). Exits 0 when the job succeeded, 1 with its reason when it"
            + " failed, 2 on a configuration error.")
public final class TrainCommand implements Callable<Integer> {
  /** Exit code of a job that failed (bad data, NaN loss, registry down, ...). */
  public static final int EXIT_FAILED = 1;

  @Option(names = "--config", paramLabel = "FILE", description = "Training job (YAML).")
  Path configFile;

  @Option(names = "--worker", description = "Take jobs from Kafka topic tandem.training-jobs.v1.")
  boolean worker;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka bootstrap servers for --worker (default: ${DEFAULT-VALUE}).")
  String kafka;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "This worker's name in logs and results (default: the host's pid).")
  String workerId;

  @Override
  public Integer call() throws InterruptedException {
    if (worker == (configFile != null)) {
      throw new ConfigException("give either --config FILE or --worker");
    }
    CancellationFlag cancel = new CancellationFlag();
    Thread main = Thread.currentThread();
    Thread hook =
        new Thread(
            () -> {
              cancel.cancel();
              try {
                main.join(30_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tandem-train-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    if (worker) {
      String id = workerId != null ? workerId : Long.toString(ProcessHandle.current().pid());
      try (TrainingJobWorker w = TrainingJobWorker.standard(kafka, id, System.out::println)) {
        System.out.println(
            "Trainer worker "
                + id
                + " taking jobs from "
                + TrainingJobWorker.JOBS_TOPIC
                + " at "
                + kafka
                + " as group "
                + TrainingJobWorker.GROUP
                + "; Ctrl-C stops it.");
        w.run(cancel);
      }
      return 0;
    }
    JobConfig config;
    try {
      config = new JobConfigReader(Clock.systemUTC()).read(configFile);
    } catch (ConfigError e) {
      throw new ConfigException(e.getMessage());
    }
    try {
      JobResult r = new TrainingJob(config, System.out::println, cancel).run();
      System.out.println(
          "Job done: "
              + r.model()
              + "@"
              + r.version()
              + (r.registered() ? ", registered " + r.registeredVariants() : ", not registered")
              + (config.output() != null ? ", files in " + config.output() : ""));
      return 0;
    } catch (TrainerException e) {
      System.err.println("tandem: training failed: " + e.getMessage());
      return EXIT_FAILED;
    }
  }
}
