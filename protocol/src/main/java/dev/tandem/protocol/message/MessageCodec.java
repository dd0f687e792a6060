package dev.tandem.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.InferenceRequest;
import dev.tandem.protocol.v1.InferenceResponse;
import dev.tandem.protocol.v1.RawSampleBatch;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.protocol.v1.WindowSummary;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Encodes and decodes one Tandem message type, checking its {@link Header}. Unknown fields from
 * newer writers are kept, not refused. Failures are {@link ProtocolException}s, never raw protobuf
 * exceptions.
 *
 * @param <T> the message type
 */
public final class MessageCodec<T extends Message> {

  /** Codec for {@link WindowSummary} (topic kind {@code telemetry}). */
  public static final MessageCodec<WindowSummary> WINDOW_SUMMARY =
      new MessageCodec<>(
          WindowSummary.getDefaultInstance(), WindowSummary::hasHeader, WindowSummary::getHeader);

  /** Codec for {@link Event} (topic kind {@code events}). */
  public static final MessageCodec<Event> EVENT =
      new MessageCodec<>(Event.getDefaultInstance(), Event::hasHeader, Event::getHeader);

  /** Codec for {@link DeviceStateReport} (topic kind {@code state}). */
  public static final MessageCodec<DeviceStateReport> DEVICE_STATE =
      new MessageCodec<>(
          DeviceStateReport.getDefaultInstance(),
          DeviceStateReport::hasHeader,
          DeviceStateReport::getHeader);

  /** Codec for {@link DesiredState} (topic kind {@code desired}). */
  public static final MessageCodec<DesiredState> DESIRED_STATE =
      new MessageCodec<>(
          DesiredState.getDefaultInstance(), DesiredState::hasHeader, DesiredState::getHeader);

  /** Codec for {@link UpdateStepReport} (topic kind {@code updates}). */
  public static final MessageCodec<UpdateStepReport> UPDATE_STEP =
      new MessageCodec<>(
          UpdateStepReport.getDefaultInstance(),
          UpdateStepReport::hasHeader,
          UpdateStepReport::getHeader);

  /** Codec for {@link RawSampleBatch} (topic kind {@code samples}). */
  public static final MessageCodec<RawSampleBatch> RAW_SAMPLES =
      new MessageCodec<>(
          RawSampleBatch.getDefaultInstance(),
          RawSampleBatch::hasHeader,
          RawSampleBatch::getHeader);

  /** Codec for {@link InferenceRequest} (topic kind {@code infer/request}). */
  public static final MessageCodec<InferenceRequest> INFERENCE_REQUEST =
      new MessageCodec<>(
          InferenceRequest.getDefaultInstance(),
          InferenceRequest::hasHeader,
          InferenceRequest::getHeader);

  /** Codec for {@link InferenceResponse} (topic kind {@code infer/response}). */
  public static final MessageCodec<InferenceResponse> INFERENCE_RESPONSE =
      new MessageCodec<>(
          InferenceResponse.getDefaultInstance(),
          InferenceResponse::hasHeader,
          InferenceResponse::getHeader);

  private final Parser<T> parser;
  private final Predicate<T> hasHeader;
  private final Function<T, Header> header;
  private final String typeName;

  @SuppressWarnings("unchecked") // a generated message's parser parses that message type
  private MessageCodec(T defaultInstance, Predicate<T> hasHeader, Function<T, Header> header) {
    this.parser = (Parser<T>) defaultInstance.getParserForType();
    this.hasHeader = hasHeader;
    this.header = header;
    this.typeName = defaultInstance.getDescriptorForType().getName();
  }

  /** Returns the codec for the message type published on topics of {@code kind}. */
  public static MessageCodec<? extends Message> forKind(TopicKind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case TELEMETRY -> WINDOW_SUMMARY;
      case EVENTS -> EVENT;
      case STATE -> DEVICE_STATE;
      case DESIRED -> DESIRED_STATE;
      case UPDATES -> UPDATE_STEP;
      case SAMPLES -> RAW_SAMPLES;
      case INFER_REQUEST -> INFERENCE_REQUEST;
      case INFER_RESPONSE -> INFERENCE_RESPONSE;
    };
  }

  /** The protobuf message name, e.g. {@code WindowSummary}. */
  public String typeName() {
    return typeName;
  }

  /**
   * Parses {@code payload} and checks its header.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_PAYLOAD}, {@link
   *     ProtocolErrorCode#MISSING_HEADER}, {@link ProtocolErrorCode#UNSUPPORTED_SCHEMA_VERSION} or
   *     {@link ProtocolErrorCode#INVALID_HEADER}
   */
  public T decode(byte[] payload) {
    if (payload == null) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_PAYLOAD, typeName + " payload must not be null");
    }
    T message;
    try {
      message = parser.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_PAYLOAD,
          typeName + " payload of " + payload.length + " bytes is malformed: " + e.getMessage(),
          e);
    }
    checkHeader(message);
    return message;
  }

  /**
   * Parses {@code payload} received on a topic of {@code topicDevice} and checks that its header
   * names the same device, so that one device cannot publish as another.
   *
   * @throws ProtocolException as {@link #decode(byte[])}, or with {@link
   *     ProtocolErrorCode#DEVICE_ID_MISMATCH}
   */
  public T decode(byte[] payload, DeviceId topicDevice) {
    Objects.requireNonNull(topicDevice, "topicDevice");
    T message = decode(payload);
    String headerDevice = header.apply(message).getDeviceId();
    if (!headerDevice.equals(topicDevice.value())) {
      throw new ProtocolException(
          ProtocolErrorCode.DEVICE_ID_MISMATCH,
          typeName
              + " header.device_id '"
              + headerDevice
              + "' does not match topic device id '"
              + topicDevice.value()
              + "'");
    }
    return message;
  }

  /** The header of a message of this codec's type. */
  public Header headerOf(T message) {
    return header.apply(Objects.requireNonNull(message, "message"));
  }

  /**
   * Checks the header and serializes {@code message}.
   *
   * @throws ProtocolException with the same codes as {@link #decode(byte[])} if the header is
   *     missing or invalid
   */
  public byte[] encode(T message) {
    Objects.requireNonNull(message, "message");
    checkHeader(message);
    return message.toByteArray();
  }

  private void checkHeader(T message) {
    if (!hasHeader.test(message)) {
      throw new ProtocolException(
          ProtocolErrorCode.MISSING_HEADER, typeName + " has no header (field 1)");
    }
    Headers.check(header.apply(message), typeName);
  }

  @Override
  public String toString() {
    return "MessageCodec[" + typeName + "]";
  }
}
