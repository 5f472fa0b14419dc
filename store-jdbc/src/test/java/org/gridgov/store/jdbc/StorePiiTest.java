package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.gridgov.store.jdbc.StoreFixture.*;

import com.google.common.primitives.ImmutableLongArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: no message of the store carries a reporter's phone number, name or address, whatever
 * the number's form: 7 digits (a landline without area code), 8 digits (a landline), 11 digits (a
 * mobile number) and international numbers with a country code and separators. Each number goes
 * where the store might echo it — a row too long for its column, a payload or facts row that no
 * longer parses or has a value of the wrong type, a command over the size limits, the outcome of a
 * batch — and the message (and {@code toString}) must show no five consecutive digits of it.
 */
class StorePiiTest {
  private static final String NAME = "张三丰";
  private static final String ADDRESS = "福建省莆田市城厢区霞林街道";
  private static final Actor WORKER = Actor.of("gw-1", Role.GRID_WORKER);

  static Stream<Arguments> phones() {
    List<Arguments> out = new ArrayList<>();
    for (String db : StoreFixture.databases()) {
      for (String phone :
          List.of("8642097", "86420975", "13986420975", "+86 139 8642 0975", "+44-20-7946-0958")) {
        out.add(Arguments.of(db, phone));
      }
    }
    return out.stream();
  }

  /** Fails if {@code text} shows the phone, five consecutive digits of it, the name or address. */
  private static void assertClean(String what, String text, String phone) {
    String digits = phone.replaceAll("\\D", "");
    // The store names its database; the test's own URL (a random temporary directory, which may
    // contain any five digits) is not the reporter's data, so it is left out of the digit check.
    String shown = text.replaceAll("jdbc:\\S+", "");
    String textDigits = shown.replaceAll("[\\s+\\-]", "");
    assertThat(shown).as(what).doesNotContain(phone, NAME, ADDRESS);
    for (int i = 0; i + 5 <= digits.length(); i++) {
      assertThat(textDigits)
          .as("%s shows digits %s of %s: %s", what, digits.substring(i, i + 5), phone, text)
          .doesNotContain(digits.substring(i, i + 5));
    }
  }

  private static CaseFacts reported(String id, String phone) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode("0102")
        .priority(Priority.NORMAL)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(GRID1))
        .source(CaseSource.APP)
        .reporter(PersonalData.of(NAME, phone))
        .build();
  }

  /** A store with one reported case {@code P} whose reporter has the phone. */
  private static EventStore storeWithCase(String url, String phone) {
    EventStore store = StoreFixture.open(url);
    CaseFacts f = reported("P", phone);
    CaseEvent rep =
        CaseEvent.of(f.id(), 1, at("2025-03-03T09:00"), WORKER, new EventPayload.Reported());
    var unused = store.append(List.of(rep), List.of(f), rep.at());
    return store;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("phones")
  void aRowTooLongForItsColumnIsReportedWithoutItsText(String db, String phone, @TempDir Path dir) {
    try (EventStore store = storeWithCase(freshUrl(db, dir), phone)) {
      String text = NAME + " " + phone + " " + ADDRESS + " " + "x".repeat(1_000_001);
      CaseEvent huge =
          CaseEvent.of(
              CaseId.of("P"), 2, at("2025-03-03T09:01"), WORKER, new EventPayload.Suspended(text));
      Throwable t = catchThrowable(() -> store.append(List.of(huge), List.of(), huge.at()));
      assertThat(t).isInstanceOf(EventStoreException.class);
      assertClean("failed append", String.valueOf(t.getMessage()), phone);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("phones")
  void aPayloadThatNoLongerParsesIsReportedWithoutItsText(
      String db, String phone, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = storeWithCase(url, phone)) {
      sql(
          url,
          "UPDATE gridgov_events SET payload = '{\"reason\": "
              + NAME
              + phone
              + "}' WHERE case_id = 'P'");
      Throwable t = catchThrowable(store::load);
      assertThat(t)
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining("not valid JSON");
      assertClean("unparseable payload", String.valueOf(t.getMessage()), phone);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("phones")
  void factsWithAValueOfTheWrongTypeAreReportedWithoutTheValue(
      String db, String phone, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = storeWithCase(url, phone)) {
      String facts = org.gridgov.json.CaseJson.unmasked().write(reported("P", phone));
      String broken =
          facts
              .replace("\"phone\":\"" + phone + "\"", "\"phone\":[\"" + phone + "\"]")
              .replace("\"name\":\"" + NAME + "\"", "\"name\":{\"n\":\"" + NAME + "\"}");
      assertThat(broken).isNotEqualTo(facts);
      sql(url, "UPDATE gridgov_cases SET facts = '" + broken + "' WHERE case_id = 'P'");
      Throwable t = catchThrowable(store::load);
      assertThat(t).isInstanceOf(CorruptStoreException.class).hasMessageContaining("reporter");
      assertClean("facts of the wrong type", String.valueOf(t.getMessage()), phone);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("phones")
  void commandsOverTheLimitsAndBatchOutcomesShowNoPersonalData(
      String db, String phone, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config(), StoreLimits.of(20, 65_536));
      CaseFacts f = reported("P", phone);
      Command report =
          Command.of(
              "c1",
              Principal.resident("res-1"),
              f.id(),
              at("2025-03-03T09:00"),
              new Command.Report(f));
      Command verify =
          Command.of(
              "c2",
              Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT),
              f.id(),
              at("2025-03-03T09:01"),
              new Command.Verify(false, "call " + NAME + " at " + phone + ", " + ADDRESS));
      Throwable tooLong = catchThrowable(() -> e.executeAll(List.of(report, verify)));
      assertThat(tooLong).isInstanceOf(CommandTooLargeException.class);
      assertClean("command over the limit", String.valueOf(tooLong.getMessage()), phone);

      List<CommandOutcome> outcomes = e.executeAll(List.of(report));
      assertClean("batch outcome", outcomes.toString(), phone);
      assertClean(
          "batch append",
          new CommandAppend(report, true, outcomes.get(0).events(), Optional.of(f)).toString(),
          phone);
    }
  }
}
