package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.json.CaseJson;
import org.junit.jupiter.api.Test;

/**
 * The small value classes of the store: the ranges of {@link StoreLimits}, the checks of {@link
 * CommandSizes} at their limits, the message scrubbing of {@link StoreMessages} and {@link
 * CommandOutcome} (issue 17).
 */
class StoreLimitsEdgesTest {
  private static final Principal DISP =
      Principal.inRegion("disp-1", Role.DISPATCHER, StoreFixture.DISTRICT);
  private static final CaseId C = CaseId.of("C");
  private static final Instant AT = Instant.parse("2025-03-03T01:00:00Z");

  // ---- StoreLimits

  @Test
  void limitsAcceptOneToAMillionEach() {
    StoreLimits low = StoreLimits.of(1, 1);
    assertThat(low.maxTextLength()).isEqualTo(1);
    assertThat(low.maxFactsLength()).isEqualTo(1);
    StoreLimits high = StoreLimits.of(1_000_000, 1_000_000);
    assertThat(high.maxTextLength()).isEqualTo(1_000_000);
    assertThat(high.maxFactsLength()).isEqualTo(1_000_000);
    StoreLimits mixed = StoreLimits.of(3, 7);
    assertThat(mixed.maxTextLength()).isEqualTo(3);
    assertThat(mixed.maxFactsLength()).isEqualTo(7);
  }

  @Test
  void limitsOutOfRangeAreRefusedByName() {
    assertThatThrownBy(() -> StoreLimits.of(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTextLength")
        .hasMessageContaining("but was 0");
    assertThatThrownBy(() -> StoreLimits.of(1_000_001, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTextLength")
        .hasMessageContaining("but was 1000001");
    assertThatThrownBy(() -> StoreLimits.of(10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFactsLength")
        .hasMessageContaining("but was 0");
    assertThatThrownBy(() -> StoreLimits.of(10, 1_000_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFactsLength")
        .hasMessageContaining("but was 1000001");
  }

  @Test
  void defaultsAndRendering() {
    assertThat(StoreLimits.defaults().maxTextLength()).isEqualTo(16_384);
    assertThat(StoreLimits.defaults().maxFactsLength()).isEqualTo(65_536);
    assertThat(StoreLimits.of(12, 345))
        .hasToString("StoreLimits[maxTextLength=12, maxFactsLength=345]");
  }

  // ---- CommandSizes

  private static Command command(Command.Action action) {
    return Command.of("k1", DISP, C, AT, action);
  }

  @Test
  void textAtTheLimitPassesOneOverIsRefused() {
    StoreLimits limits = StoreLimits.of(5, 100);
    assertThatCode(() -> CommandSizes.check(command(new Command.Verify(false, "12345")), limits))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> CommandSizes.check(command(new Command.Verify(false, "123456")), limits))
        .isInstanceOfSatisfying(
            CommandTooLargeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("verify.reason");
              assertThat(e.length()).isEqualTo(6);
              assertThat(e.limit()).isEqualTo(5);
            });
  }

  @Test
  void eachTextOfAListIsChecked() {
    StoreLimits limits = StoreLimits.of(4, 100);
    assertThatCode(
            () ->
                CommandSizes.check(
                    command(Command.Summon.of(List.of("d1", "dept"), Duration.ofHours(1))), limits))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CommandSizes.check(
                    command(Command.Summon.of(List.of("d1", "dept5"), Duration.ofHours(1))),
                    limits))
        .isInstanceOfSatisfying(
            CommandTooLargeException.class,
            e -> {
              assertThat(e.field()).endsWith(".departmentIds");
              assertThat(e.length()).isEqualTo(5);
              assertThat(e.limit()).isEqualTo(4);
            });
  }

  @Test
  void anOptionalTextIsChecked() {
    StoreLimits limits = StoreLimits.of(3, 100);
    assertThatCode(
            () -> CommandSizes.check(command(new Command.Dispatch(Optional.of("abc"))), limits))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> CommandSizes.check(command(new Command.Dispatch(Optional.of("abcd"))), limits))
        .isInstanceOf(CommandTooLargeException.class);
  }

  @Test
  void reportFactsAreMeasuredAsTheirJson() {
    CaseFacts facts = StoreFixture.facts("C", "0102", Priority.NORMAL, StoreFixture.GRID1);
    int json = CaseJson.unmasked().write(facts).length();
    Command report = command(new Command.Report(facts));
    assertThatCode(() -> CommandSizes.check(report, StoreLimits.of(1, json)))
        .as("facts exactly at the limit; texts are not checked for a report")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CommandSizes.check(report, StoreLimits.of(1, json - 1)))
        .isInstanceOfSatisfying(
            CommandTooLargeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("Report.facts");
              assertThat(e.length()).isEqualTo(json);
              assertThat(e.limit()).isEqualTo(json - 1);
            });
  }

  @Test
  void reportAtFactsAreMeasuredAsTheirJson() {
    Command.ReportAt at =
        new Command.ReportAt(
            ReportedPoint.of(118.1, 24.5),
            "0102",
            Priority.NORMAL,
            CaseKind.COMMITTED,
            CaseSource.APP,
            Optional.empty());
    int json = CaseJson.unmasked().write(at.facts(C, 1L)).length();
    Command report = command(at);
    assertThatCode(() -> CommandSizes.check(report, StoreLimits.of(1, json)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CommandSizes.check(report, StoreLimits.of(1, json - 1)))
        .isInstanceOfSatisfying(
            CommandTooLargeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("ReportAt");
              assertThat(e.length()).isEqualTo(json);
            });
  }

  // ---- StoreMessages

  @Test
  void locationNamesLineAndColumnOrNothing() {
    JsonLocation loc = new JsonLocation(ContentReference.unknown(), -1L, 3, 12);
    assertThat(StoreMessages.location(new JsonParseException(null, "bad", loc)))
        .isEqualTo(" (line 3, column 12)");
    assertThat(StoreMessages.location(new JsonParseException(null, "bad", (JsonLocation) null)))
        .isEmpty();
  }

  @Test
  void withoutValuesCutsTheValueOrTheJsonText() {
    assertThat(StoreMessages.withoutValues("reporter.phone must be a string but was 13800138000"))
        .isEqualTo("reporter.phone must be a string (the stored value is not shown)");
    assertThat(StoreMessages.withoutValues(" but was 13800138000"))
        .as("the marker at the very start")
        .isEqualTo(" (the stored value is not shown)");
    assertThat(StoreMessages.withoutValues("not valid JSON (line 1, column 9): Zhang San"))
        .as("the JSON marker at the very start")
        .isEqualTo("not valid JSON (line 1, column 9)");
    assertThat(StoreMessages.withoutValues("facts: not valid JSON (line 2, column 1): x but was y"))
        .isEqualTo("facts: not valid JSON (line 2, column 1)");
    assertThat(StoreMessages.withoutValues("not valid JSON at the end"))
        .isEqualTo("not valid JSON at the end");
    assertThat(StoreMessages.withoutValues("nothing stored in it"))
        .isEqualTo("nothing stored in it");
  }

  // ---- CommandOutcome

  @Test
  void acceptedOutcomeReturnsItsEvents() {
    ImmutableList<CaseEvent> none = ImmutableList.of();
    CommandOutcome o = new CommandOutcome("c1", none, Optional.empty(), false);
    assertThat(o.accepted()).isTrue();
    assertThat(o.eventsOrThrow()).isSameAs(none);
    assertThat(o).hasToString("CommandOutcome[c1, 0 events]");
  }

  @Test
  void refusedOutcomeThrowsItsRefusalAndNamesOnlyItsType() {
    IllegalStateException refusal = new IllegalStateException("Zhang San, 13800138000");
    CommandOutcome o = new CommandOutcome("c2", ImmutableList.of(), Optional.of(refusal), true);
    assertThat(o.accepted()).isFalse();
    assertThatThrownBy(o::eventsOrThrow).isSameAs(refusal);
    assertThat(o)
        .hasToString("CommandOutcome[c2, 0 events, refused: IllegalStateException, retry]");
  }
}
