package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

/**
 * The character classes of person ids and role codes at their edges (the characters just outside
 * each range: slash, colon, at sign, brackets, backquote and brace), their length limits, and the
 * range of a {@code max_grids} limit; a roles file read back; the policy's rules in its text form.
 */
class PeopleCodesEdgesTest {

  @Test
  void personIds_lettersDigitsAndFourMarks_startingWithALetterOrDigit() {
    for (String ok : new String[] {"a", "z", "A", "Z", "0", "9", "a.b_c:d-e", "9-"}) {
      assertThat(PersonId.isValid(ok)).as(ok).isTrue();
    }
    for (String bad :
        new String[] {"", "@", "[", "`", "{", "/", "-a", ".a", "a/", "a@", "a`", "a{", "a["}) {
      assertThat(PersonId.isValid(bad)).as(bad).isFalse();
    }
    assertThat(PersonId.isValid("x".repeat(PersonId.MAX_LENGTH))).isTrue();
    assertThat(PersonId.problem("x".repeat(PersonId.MAX_LENGTH + 1)))
        .isEqualTo("a person id has at most 64 characters, not 65");
    assertThat(PersonId.problem("ab/")).endsWith("character 3 is not allowed");
  }

  @Test
  void roleCodes_lowerCaseLettersDigitsAndUnderscore_startingWithALetter_atMost32() {
    for (String ok : new String[] {"a", "z", "a0", "z9_", "a".repeat(32)}) {
      assertThat(StaffRole.codeProblem(ok)).as(ok).isNull();
    }
    for (String bad :
        new String[] {
          "", "`", "{", "A", "0a", "_a", "a/", "a:", "a`", "a{", "a-", "a".repeat(33)
        }) {
      assertThat(StaffRole.codeProblem(bad)).as(bad).contains("must be 1 to 32 characters");
    }
    assertThat(StaffRole.codeProblem("B" + "x".repeat(45)))
        .contains("\"B" + "x".repeat(39) + "…\"");
    assertThat(StaffRole.of("a_1", "甲", "a one", Role.LEADER)).hasToString("a_1 (甲)");
  }

  private static StaffPolicy policy(String limit) {
    return StaffPolicy.read(
        new StringReader("rule,role,other,limit\nmax_grids,grid_worker,," + limit + "\n"),
        "policy.csv",
        StaffRoles.standard());
  }

  @Test
  void maxGrids_fromOneToAMillion() {
    assertThat(policy("1").maxGrids("grid_worker")).hasValue(1);
    assertThat(policy("1000000").maxGrids("grid_worker")).hasValue(1_000_000);
    assertThat(policy("0999999").maxGrids("grid_worker")).hasValue(999_999);
    for (String bad : new String[] {"0", "1000001", "9999999", "10000000", "", "1/", "1:", "-1"}) {
      assertThatThrownBy(() -> policy(bad))
          .as(bad)
          .isInstanceOf(TextParseException.class)
          .hasMessageContaining("from 1 to 1000000");
    }
  }

  @Test
  void aPolicy_rendersItsRulesInTheirTextForm() {
    StaffPolicy p =
        StaffPolicy.builder()
            .require("grid_worker")
            .maxGrids("grid_worker", 3)
            .forbidPair("supervisor", "grid_worker")
            .exclusive("grid_leader")
            .build();

    assertThat(p)
        .hasToString(
            "StaffPolicy[require grid_worker, max_grids grid_worker 3,"
                + " forbid_pair grid_worker supervisor, exclusive grid_leader]");
    assertThat(p.forbids("grid_worker", "supervisor")).isTrue();
    assertThat(p.forbids("supervisor", "grid_worker")).isTrue();
    assertThat(p.forbids("grid_worker", "grid_leader")).isFalse();
  }

  @Test
  void rolesFile_readsBackTheRolesItDeclares_andRefusesABadRowWithItsLine() {
    StaffRoles roles =
        StaffRoles.read(
            new StringReader(
                "code,zh,en,acts_as\n# comment\nkeeper,管理员,keeper,LEADER\nhelper,助理,helper,\n"),
            "roles.csv");

    assertThat(roles.all()).extracting(StaffRole::code).containsExactly("keeper", "helper");
    assertThat(roles.find("helper").orElseThrow().actsAs()).isEmpty();
    assertThat(roles)
        .isEqualTo(
            StaffRoles.read(
                new StringReader(
                    "code,zh,en,acts_as\nkeeper,管理员,keeper,LEADER\nhelper,助理,helper,\n"),
                "again.csv"));
    assertThat(roles.hashCode()).isEqualTo(roles.hashCode());
    assertThat(roles).isNotEqualTo(StaffRoles.standard());
    assertThatThrownBy(
            () ->
                StaffRoles.read(
                    new StringReader("code,zh,en,acts_as\nok,甲,a,\nBad,乙,b,\n"), "roles.csv"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("roles.csv:3:1");
  }

  @Test
  void rolesFile_twiceDeclaredBlankNamesAndNoRows_eachNamedWhereItIs() {
    TextParseException twice =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            TextParseException.class,
            () ->
                StaffRoles.read(
                    new StringReader("code,zh,en,acts_as\nok,甲,a,\nok,乙,b,\nnew,丙,,\n"),
                    "roles.csv"));
    assertThat(twice.problems())
        .extracting(pr -> pr.line() + ":" + pr.column() + ":" + pr.field())
        .containsExactly("3:1:code", "4:3:en");
    assertThat(twice.problems().get(0).reason()).isEqualTo("role code ok is declared twice");
    assertThatThrownBy(() -> StaffRoles.read(new StringReader("code,zh,en,acts_as\n"), "r.csv"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("no role is declared");
  }
}
