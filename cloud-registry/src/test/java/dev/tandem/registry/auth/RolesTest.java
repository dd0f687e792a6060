package dev.tandem.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void adminGrantsOperatorAndViewer() {
    assertThat(Roles.granted(Roles.ADMIN))
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER);
  }

  @Test
  void operatorGrantsViewerButNotAdmin() {
    assertThat(Roles.granted(Roles.OPERATOR))
        .containsExactlyInAnyOrder(Roles.OPERATOR, Roles.VIEWER);
  }

  @Test
  void deviceGrantsDeviceAlone() {
    assertThat(Roles.granted(Roles.DEVICE)).containsExactly(Roles.DEVICE);
  }

  @Test
  void unknownRoleIsRefusedByName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Roles.granted("root"))
        .withMessageContaining("'root'");
  }

  @Test
  void deviceCredentialCannotHoldPeoplesRoles() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ResolvedCredential(
                    "pump-17",
                    Set.of(Roles.DEVICE, Roles.OPERATOR),
                    ResolvedCredential.Kind.DEVICE));
  }

  @Test
  void apiTokenCannotHoldTheDeviceRole() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ResolvedCredential(
                    "ci", Set.of(Roles.DEVICE), ResolvedCredential.Kind.API_TOKEN));
  }

  @Test
  void bearerHeaderIsParsedCaseInsensitivelyAndOtherSchemesAreIgnored() {
    assertThat(BearerAuthenticationMechanism.bearerToken("Bearer tdm_x")).isEqualTo("tdm_x");
    assertThat(BearerAuthenticationMechanism.bearerToken("bearer  tdm_x ")).isEqualTo("tdm_x");
    assertThat(BearerAuthenticationMechanism.bearerToken("Basic dXNlcjpwYXNz")).isNull();
    assertThat(BearerAuthenticationMechanism.bearerToken("Bearer ")).isNull();
    assertThat(BearerAuthenticationMechanism.bearerToken(null)).isNull();
  }
}
