package dev.tandem.edge.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.function.Consumer;

/** Lines {@code value} or {@code timestamp,value} from an input stream (standard input). */
public final class StdinSource extends QueuedSource {
  public StdinSource(InputStream in, InstantSource clock, Consumer<String> warnings) {
    super("stdin", clock, warnings);
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  offer(line);
                }
              } catch (IOException e) {
                warnings.accept("stdin: " + e.getMessage());
              } finally {
                end();
              }
            },
            "tandem-stdin");
    reader.setDaemon(true);
    reader.start();
  }
}
