package dev.tandem.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.WindowSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageCodecTest {

  private static final MessageCodec<WindowSummary> CODEC = MessageCodec.WINDOW_SUMMARY;

  @Test
  void toleratesFieldsFromANewerSchemaAndKeepsKnownFields() throws IOException {
    WindowSummary known = SampleMessages.windowSummary();
    // What a newer writer might add: a string field 20 and a varint field 21 at top level, and a
    // varint field 9 inside the header. Protobuf appends fields in any order on the wire.
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(known.toByteArray());
    CodedOutputStream extra = CodedOutputStream.newInstance(wire);
    extra.writeString(20, "firmware 7.1");
    extra.writeUInt64(21, 99);
    extra.writeBytes(1, unknownHeaderField());
    extra.flush();

    WindowSummary decoded = CODEC.decode(wire.toByteArray());

    assertThat(decoded.getStreamId()).isEqualTo("spindle.vibration");
    assertThat(decoded.getP99()).isEqualTo(1.7);
    assertThat(decoded.getHeader().getSequence()).isEqualTo(1);
    assertThat(decoded.getUnknownFields().hasField(20)).isTrue();
    assertThat(decoded.getUnknownFields().getField(21).getVarintList()).containsExactly(99L);
    assertThat(decoded.getHeader().getUnknownFields().hasField(9)).isTrue();
  }

  @Test
  void keepsUnknownFieldsWhenReEncoding() {
    WindowSummary withUnknown =
        SampleMessages.windowSummary().toBuilder()
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(
                        30,
                        UnknownFieldSet.Field.newBuilder()
                            .addLengthDelimited(ByteString.copyFromUtf8("new"))
                            .build())
                    .build())
            .build();

    WindowSummary again = CODEC.decode(CODEC.encode(CODEC.decode(withUnknown.toByteArray())));

    assertThat(again.getUnknownFields().getField(30).getLengthDelimitedList())
        .containsExactly(ByteString.copyFromUtf8("new"));
  }

  @Test
  void refusesBytesThatAreNotProtobuf() {
    byte[] truncated = SampleMessages.windowSummary().toByteArray();
    truncated = Arrays.copyOf(truncated, truncated.length - 3);
    byte[] copy = truncated;

    assertRefused(() -> CODEC.decode(copy), ProtocolErrorCode.MALFORMED_PAYLOAD, "WindowSummary");
    assertRefused(
        () -> CODEC.decode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}),
        ProtocolErrorCode.MALFORMED_PAYLOAD,
        "payload of 3 bytes is malformed");
  }

  @Test
  void refusesMessageWithoutHeader() {
    byte[] noHeader =
        SampleMessages.windowSummary().toBuilder().clearHeader().build().toByteArray();

    assertRefused(
        () -> CODEC.decode(noHeader),
        ProtocolErrorCode.MISSING_HEADER,
        "WindowSummary has no header");
    assertRefused(() -> CODEC.decode(new byte[0]), ProtocolErrorCode.MISSING_HEADER, "no header");
  }

  @Test
  void refusesSchemaVersionNewerThanSupported() {
    byte[] bytes = withHeader(h -> h.setSchemaVersion(SchemaVersion.SCHEMA_VERSION + 1));

    assertRefused(
        () -> CODEC.decode(bytes),
        ProtocolErrorCode.UNSUPPORTED_SCHEMA_VERSION,
        "header.schema_version is 2; this reader supports 1 to 1");
  }

  @Test
  void refusesUnsetSchemaVersion() {
    byte[] bytes = withHeader(h -> h.setSchemaVersion(0));

    assertRefused(
        () -> CODEC.decode(bytes),
        ProtocolErrorCode.UNSUPPORTED_SCHEMA_VERSION,
        "header.schema_version is 0 (unset)");
  }

  @Test
  void refusesHeaderWithInvalidDeviceId() {
    byte[] bytes = withHeader(h -> h.setDeviceId("press/07"));

    assertRefused(
        () -> CODEC.decode(bytes), ProtocolErrorCode.INVALID_HEADER, "header.device_id is invalid");
  }

  @Test
  void refusesUnsetSequenceAndTimestamp() {
    assertRefused(
        () -> CODEC.decode(withHeader(h -> h.setSequence(0))),
        ProtocolErrorCode.INVALID_HEADER,
        "header.sequence is 0 (unset)");
    assertRefused(
        () -> CODEC.decode(withHeader(h -> h.setTimestampMs(0))),
        ProtocolErrorCode.INVALID_HEADER,
        "header.timestamp_ms must be positive");
  }

  @Test
  void refusesMessageWhoseHeaderNamesAnotherDeviceThanItsTopic() {
    byte[] bytes = CODEC.encode(SampleMessages.windowSummary());

    assertThat(CODEC.decode(bytes, SampleMessages.DEVICE).getCount()).isEqualTo(1000);
    assertRefused(
        () -> CODEC.decode(bytes, DeviceId.of("press-08")),
        ProtocolErrorCode.DEVICE_ID_MISMATCH,
        "header.device_id 'press-07' does not match topic device id 'press-08'");
  }

  @Test
  void refusesToEncodeMessageWithoutHeader() {
    WindowSummary noHeader = SampleMessages.windowSummary().toBuilder().clearHeader().build();

    assertRefused(() -> CODEC.encode(noHeader), ProtocolErrorCode.MISSING_HEADER, "no header");
  }

  @Test
  void headersCarryTheCurrentSchemaVersion() {
    Header header = Headers.create(SampleMessages.DEVICE, 5, SampleMessages.AT);

    assertThat(header.getSchemaVersion()).isEqualTo(SchemaVersion.SCHEMA_VERSION).isEqualTo(1);
    assertThat(header.getTimestampMs()).isEqualTo(SampleMessages.AT.toEpochMilli());
    assertThat(Headers.deviceId(header)).isEqualTo(SampleMessages.DEVICE);
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void everyTopicKindHasACodec(TopicKind kind) {
    assertThat(MessageCodec.forKind(kind)).isNotNull();
  }

  @Test
  void topicKindsMapToTheirMessageTypes() {
    assertThat(MessageCodec.forKind(TopicKind.TELEMETRY).typeName()).isEqualTo("WindowSummary");
    assertThat(MessageCodec.forKind(TopicKind.DESIRED).typeName()).isEqualTo("DesiredState");
    assertThat(MessageCodec.forKind(TopicKind.INFER_RESPONSE).typeName())
        .isEqualTo("InferenceResponse");
  }

  private static ByteString unknownHeaderField() throws IOException {
    ByteString.Output out = ByteString.newOutput();
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    coded.writeUInt64(9, 7);
    coded.flush();
    return out.toByteString();
  }

  private static byte[] withHeader(java.util.function.UnaryOperator<Header.Builder> change) {
    WindowSummary summary = SampleMessages.windowSummary();
    return summary.toBuilder()
        .setHeader(change.apply(summary.getHeader().toBuilder()))
        .build()
        .toByteArray();
  }

  private static void assertRefused(Runnable call, ProtocolErrorCode code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(code);
  }
}
