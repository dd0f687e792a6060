package dev.tandem.ingest.validate;

import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.v1.Header;
import java.util.Objects;

/** The outcome of validating one MQTT message: forward it to a stream, or dead-letter it. */
public sealed interface Verdict {

  /** A valid message and where it goes. */
  record Accepted(FleetStream stream, Header header) implements Verdict {
    public Accepted {
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(header, "header");
    }
  }

  /** An invalid message, with a stable reason and a human-readable detail. */
  record Rejected(DeadLetterReason reason, String detail) implements Verdict {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
