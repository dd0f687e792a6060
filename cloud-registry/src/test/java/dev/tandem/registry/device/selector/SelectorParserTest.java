package dev.tandem.registry.device.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.registry.device.selector.Requirement.Operator;
import dev.tandem.registry.device.selector.SelectorField.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorParserTest {

  @Test
  void parsesEveryFormOfTerm() {
    Selector selector =
        SelectorParser.parse(
            "hardware=jetson-orin, group in (line-1, line-2),tag.site==berlin,!tag.retired,"
                + "tag.owner,id notin (a,b),online=false,drifted!=true,status=active,group!=lab");

    assertThat(selector.requirements())
        .containsExactly(
            new Requirement(
                SelectorField.of(Kind.HARDWARE), Operator.EQUALS, List.of("jetson-orin")),
            new Requirement(SelectorField.of(Kind.GROUP), Operator.IN, List.of("line-1", "line-2")),
            new Requirement(SelectorField.tag("site"), Operator.EQUALS, List.of("berlin")),
            new Requirement(SelectorField.tag("retired"), Operator.NOT_EXISTS, List.of()),
            new Requirement(SelectorField.tag("owner"), Operator.EXISTS, List.of()),
            new Requirement(SelectorField.of(Kind.ID), Operator.NOT_IN, List.of("a", "b")),
            new Requirement(SelectorField.of(Kind.ONLINE), Operator.EQUALS, List.of("false")),
            new Requirement(SelectorField.of(Kind.DRIFTED), Operator.NOT_EQUALS, List.of("true")),
            new Requirement(SelectorField.of(Kind.STATUS), Operator.EQUALS, List.of("active")),
            new Requirement(SelectorField.of(Kind.GROUP), Operator.NOT_EQUALS, List.of("lab")));
  }

  @Test
  void blankSelectsEverything() {
    assertThat(SelectorParser.parse("  ")).isEqualTo(Selector.ALL);
    assertThat(SelectorParser.parse(null)).isEqualTo(Selector.ALL);
  }

  @Test
  void unknownFieldIsNamedWithItsPosition() {
    assertRefused("hardware=coral,hw=x", 16, "unknown field 'hw'");
  }

  @Test
  void missingOperatorIsNamed() {
    assertRefused("group", 6, "expected '=', '!=', 'in' or 'notin' after 'group', found the end");
  }

  @Test
  void missingValueIsNamed() {
    assertRefused("tag.site=,group=a", 10, "expected a value for 'tag.site', found ','");
  }

  @Test
  void unclosedListIsNamed() {
    assertRefused("group in (a,b", 14, "expected ',' or ')' in the list of values, found the end");
  }

  @Test
  void listWithoutParenthesisIsNamed() {
    assertRefused("group in a", 10, "expected '(' to start the list of values, found 'a'");
  }

  @Test
  void forbiddenCharacterIsNamed() {
    assertRefused("tag.site=ber lin", 14, "expected ',' or the end of the selector, found 'lin'");
    assertRefused("tag.site='berlin'", 10, "character ''' is not allowed");
  }

  @Test
  void notOnlyAppliesToTags() {
    assertRefused("!group", 2, "'!' applies to tags only");
  }

  @Test
  void booleansAndStatusesAreChecked() {
    assertRefused("online=yes", 8, "'online' is true or false, not 'yes'");
    assertRefused("status in (active,retired)", 19, "status is active or decommissioned");
  }

  @Test
  void badTagKeyIsNamed() {
    assertRefused("tag.=x", 1, "tag key '' must be");
  }

  @Test
  void trailingCommaIsRefused() {
    assertRefused("group=a,", 9, "expected a field");
  }

  @Test
  void sqlBindsEveryValue() {
    SelectorSql sql =
        SelectorSql.of(SelectorParser.parse("group in (a,b),tag.site=berlin,online=true"));

    assertThat(sql.sql())
        .isEqualTo("(groups && ?::text[]) AND ((tags ->> ?) = ?) AND ((online) = ?)");
    assertThat(sql.parameters()).hasSize(4);
    assertThat((String[]) sql.parameters().get(0)).containsExactly("a", "b");
    assertThat(sql.parameters().subList(1, 4)).containsExactly("site", "berlin", true);
  }

  private static void assertRefused(String selector, int position, String message) {
    assertThatThrownBy(() -> SelectorParser.parse(selector))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("position " + position + ":")
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidSelectorException) e).position())
        .isEqualTo(position);
  }
}
