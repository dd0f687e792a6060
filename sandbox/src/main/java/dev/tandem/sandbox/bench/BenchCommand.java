package dev.tandem.sandbox.bench;

import dev.tandem.sandbox.bench.ingest.IngestBenchCommand;
import dev.tandem.sandbox.bench.registry.RegistryBenchCommand;
import dev.tandem.sandbox.bench.rollout.RolloutBenchCommand;
import picocli.CommandLine.Command;

/** {@code ./tandem bench}: the benchmarks, one subcommand each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark; prints JSON and a short table.",
    subcommands = {
      EdgeBenchCommand.class,
      IngestBenchCommand.class,
      RegistryBenchCommand.class,
      TrainerBenchCommand.class,
      RolloutBenchCommand.class
    })
public final class BenchCommand {}
