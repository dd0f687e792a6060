package dev.tandem.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.servers.ServerStartException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  @TempDir Path dir;

  @Test
  void createsTokenFileReadableByOwnerOnly() throws Exception {
    Path file = dir.resolve("data/cloud-registry/admin-token");

    AdminToken token = AdminToken.loadOrCreate(file);

    assertThat(token.token()).matches("tdm_[A-Za-z0-9_-]{43}");
    assertThat(Files.readString(file).strip()).isEqualTo(token.token());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void keptTokenSurvivesRestart() {
    Path file = dir.resolve("admin-token");

    AdminToken first = AdminToken.loadOrCreate(file);
    AdminToken again = AdminToken.loadOrCreate(file);

    assertThat(again.token()).isEqualTo(first.token());
  }

  @Test
  void newDataDirectoryGetsNewToken() {
    AdminToken one = AdminToken.loadOrCreate(dir.resolve("a/admin-token"));
    AdminToken two = AdminToken.loadOrCreate(dir.resolve("b/admin-token"));

    assertThat(one.token()).isNotEqualTo(two.token());
  }

  @Test
  void configValueIsTheSha256NotTheSecret() throws Exception {
    AdminToken token = AdminToken.loadOrCreate(dir.resolve("admin-token"));

    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.token().getBytes(StandardCharsets.UTF_8)));
    assertThat(token.configValue()).isEqualTo("sha256:" + expected);
    assertThat(token.configValue()).doesNotContain(token.token());
    assertThat(token.toString()).doesNotContain(token.token());
  }

  @Test
  void corruptFileIsRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("admin-token");
    Files.writeString(file, "not-a-token");

    assertThatThrownBy(() -> AdminToken.loadOrCreate(file))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("delete the file");
  }
}
