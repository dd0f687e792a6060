package dev.tandem.registry.health;

import io.restassured.path.json.JsonPath;
import java.util.List;

/** A {@code /q/health} answer, read by check name. */
record HealthReport(JsonPath json) {

  String status(String check) {
    return json.getString(find(check) + ".status");
  }

  String data(String check, String key) {
    return json.getString(find(check) + ".data." + key);
  }

  List<String> names() {
    return json.getList("checks.name", String.class);
  }

  private static String find(String check) {
    return "checks.find { it.name == '" + check.replace("'", "\\'") + "' }";
  }
}
