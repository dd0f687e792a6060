package dev.tandem.sandbox.bench;

import dev.tandem.sandbox.bench.ingest.IngestBenchCommand;
import picocli.CommandLine.Command;

/** {@code ./tandem bench}: the benchmarks, one subcommand each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark; prints JSON and a short table.",
    subcommands = {EdgeBenchCommand.class, IngestBenchCommand.class})
public final class BenchCommand {}
