package dev.tandem.trainer.data;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which devices' data a job trains on: device ids or globs ({@code *} any run of characters, {@code
 * ?} one), any of which may match. An empty list selects every device.
 */
public record DeviceSelector(List<String> patterns) {
  public DeviceSelector {
    patterns = List.copyOf(patterns);
  }

  public static DeviceSelector all() {
    return new DeviceSelector(List.of());
  }

  public boolean matches(String deviceId) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (String p : patterns) {
      if (glob(p).matcher(deviceId).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
