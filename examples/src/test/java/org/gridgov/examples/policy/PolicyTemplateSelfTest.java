package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gridgov.routing.analysis.Finding;
import org.gridgov.routing.analysis.PolicyReport;
import org.junit.jupiter.api.Test;

/**
 * The template's assertion itself: a policy with planted faults ({@code
 * examples/policy/planted-bad-policy.csv}) must make {@link PolicyTemplateTest} fail, and the
 * message must list every finding with its rule line.
 */
class PolicyTemplateSelfTest {
  private static final Path PLANTED = GridgovPolicyTest.PLANTED;

  private static List<String> messageLines(Set<Finding.Kind> accepted, PolicyReport report) {
    try {
      PolicyTemplateTest.assertNoFindingsExcept(accepted, report, PLANTED.toString());
    } catch (AssertionError e) {
      return String.valueOf(e.getMessage()).lines().toList();
    }
    throw new AssertionError("the template's assertion passed on the planted-bad policy");
  }

  @Test
  void plantedBadPolicyFailsTheTemplateWithOneLinePerFindingAndItsRow() throws IOException {
    PolicyReport report = PolicyTemplateTest.analyse(PLANTED, PolicyTemplateTest.TREE);

    List<String> lines = messageLines(PolicyTemplateTest.ACCEPTED.keySet(), report);
    assertThat(lines.get(0))
        .startsWith(PLANTED + " has " + report.findings().size() + " finding(s)");
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyElementsOf(
            report.findings().stream()
                .map(f -> "  " + GridgovPolicy.format(f, PLANTED.toString()))
                .toList());
  }

  @Test
  void messageNamesThePlantedRowOfEachKind() throws IOException {
    PolicyReport report = PolicyTemplateTest.analyse(PLANTED, PolicyTemplateTest.TREE);

    String message = String.join("\n", messageLines(Set.of(), report));
    assertThat(message)
        .contains(
            PLANTED
                + ":"
                + GridgovPolicyTest.lineOf(PLANTED, "0102|0103,")
                + ": OVERLAP category 0102")
        .contains(
            PLANTED
                + ":"
                + GridgovPolicyTest.lineOf(PLANTED, "*,*,*,BREACH,COMMUNITY,")
                + ": ESCALATION_CYCLE category ")
        .contains(
            PLANTED
                + ":"
                + GridgovPolicyTest.lineOf(PLANTED, "*,*,*,RETURN,dept:urban-management,")
                + ": PING_PONG category 0101")
        .contains(PLANTED + ": GAP (no row) category 0601");
  }

  @Test
  void acceptedKindsAreLeftOutOfTheMessage() throws IOException {
    PolicyReport report = PolicyTemplateTest.analyse(PLANTED, PolicyTemplateTest.TREE);

    List<String> lines =
        messageLines(EnumSet.of(Finding.Kind.GAP, Finding.Kind.ESCALATION_CYCLE), report);
    int expected =
        report.findings().size()
            - report.findings(Finding.Kind.GAP).size()
            - report.findings(Finding.Kind.ESCALATION_CYCLE).size();
    assertThat(lines).hasSize(expected + 1);
    assertThat(lines).noneMatch(l -> l.contains(": GAP ") || l.contains(": ESCALATION_CYCLE "));
    assertThat(lines.get(0)).contains(expected + " finding(s)").doesNotContain("GAP");
  }

  @Test
  void acceptingEveryKindLetsThePlantedPolicyPass() throws IOException {
    PolicyReport report = PolicyTemplateTest.analyse(PLANTED, PolicyTemplateTest.TREE);

    assertThat(report.findings()).isNotEmpty();
    PolicyTemplateTest.assertNoFindingsExcept(
        EnumSet.allOf(Finding.Kind.class), report, PLANTED.toString());
  }

  @Test
  void shippedExamplePolicyPassesWithoutAcceptingAnything() throws IOException {
    PolicyReport report =
        PolicyTemplateTest.analyse(PolicyTemplateTest.POLICY, PolicyTemplateTest.TREE);

    assertThat(PolicyTemplateTest.ACCEPTED).isEmpty();
    assertThat(report.findings()).isEmpty();
    assertThat(report.regionClasses()).isPositive();
    assertThatThrownBy(
            () ->
                PolicyTemplateTest.assertNoFindingsExcept(
                    Set.of(), PolicyTemplateTest.analyse(PLANTED, PolicyTemplateTest.TREE), "x"))
        .isInstanceOf(AssertionError.class);
  }
}
