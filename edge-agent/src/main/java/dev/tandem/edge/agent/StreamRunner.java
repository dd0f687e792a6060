package dev.tandem.edge.agent;

import dev.tandem.edge.source.MutableReading;
import dev.tandem.edge.source.ReadingSource;
import dev.tandem.edge.stream.StreamPipeline;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves one stream's readings from its source through its pipeline on a thread of its own, so a
 * failing or slow stream never stops the others. Paced sources are held to their event time.
 */
final class StreamRunner implements Runnable {
  private static final Logger LOG = Logger.getLogger(StreamRunner.class.getName());

  private final ReadingSource source;
  private final StreamPipeline pipeline;
  private volatile boolean running = true;
  private volatile boolean finished;

  StreamRunner(ReadingSource source, StreamPipeline pipeline) {
    this.source = source;
    this.pipeline = pipeline;
  }

  @Override
  public void run() {
    var reading = new MutableReading();
    long startWall = System.currentTimeMillis();
    long firstEvent = Long.MIN_VALUE;
    try {
      while (running && source.next(reading)) {
        if (source.paced()) {
          if (firstEvent == Long.MIN_VALUE) {
            firstEvent = reading.timestampMillis;
          }
          long ahead =
              (reading.timestampMillis - firstEvent) - (System.currentTimeMillis() - startWall);
          if (ahead > 5) {
            Thread.sleep(ahead);
          }
        }
        pipeline.accept(reading.timestampMillis, reading.value);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "stream " + pipeline.streamId() + " stopped: " + e.getMessage(), e);
    } finally {
      pipeline.flush();
      source.close();
      finished = true;
    }
  }

  boolean finished() {
    return finished;
  }

  /** Asks the runner to stop; a source blocked waiting for input is woken up. */
  void stop() {
    running = false;
    source.wakeUp();
  }

  StreamPipeline pipeline() {
    return pipeline;
  }
}
