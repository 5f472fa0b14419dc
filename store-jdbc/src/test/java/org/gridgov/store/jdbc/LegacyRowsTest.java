package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.store.jdbc.StoreFixture.freshUrl;
import static org.gridgov.store.jdbc.StoreFixture.sql;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.PersonalData;
import org.gridgov.json.CaseJson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows written before gridgov-json's Jackson module (schema version 1, as the store wrote them
 * through the hand-written CaseJson) stay readable: the rows are inserted as text, exactly as they
 * were stored, and the store loads them to the values they hold. The fixture holds one event of
 * every type (json/src/test/resources/.../legacy-v1-events.jsonl, checked there against the old
 * writer byte for byte).
 */
class LegacyRowsTest {
  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(LegacyRowsTest.class.getResourceAsStream(resource))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rowsInTodaysFormat_loadToTheirValues(String db, @TempDir Path dir) throws IOException {
    String url = freshUrl(db, dir);
    List<String> events = lines("legacy-v1-events.jsonl");
    String facts = lines("legacy-v1-facts.json").get(0);
    try (EventStore store = StoreFixture.open(url)) {
      sql(
          url,
          "INSERT INTO gridgov_cases (case_id, report_position, last_seq, facts) VALUES"
              + " ('C-2024-0001', 1, "
              + events.size()
              + ", "
              + quoted(facts)
              + ")");
      for (int i = 0; i < events.size(); i++) {
        String type = events.get(i).replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1");
        sql(
            url,
            String.format(
                Locale.ROOT,
                "INSERT INTO gridgov_events (case_id, seq, log_position, event_type, at_ms,"
                    + " payload) VALUES ('C-2024-0001', %d, %d, '%s', %d, %s)",
                i + 1,
                i + 1,
                type,
                Instant.parse("2024-03-01T02:00:00.123Z").toEpochMilli() + 60_000L * i,
                quoted(events.get(i))));
      }
      sql(url, "UPDATE gridgov_store SET last_position = " + events.size() + " WHERE id = 1");

      StoredLog log = store.load();
      CaseFacts f = Objects.requireNonNull(log.facts().get(CaseId.of("C-2024-0001")));
      assertThat(f.reporter()).contains(PersonalData.of("张三丰", "13812345678"));
      assertThat(f.locationCodes().asList()).containsExactly(350302001001001L, 350302001001002L);

      ImmutableList<CaseEvent> loaded = log.events();
      assertThat(loaded).hasSize(events.size());
      assertThat(loaded.stream().map(CaseEvent::type).distinct())
          // all but the types added after the fixture was frozen (extensions; supervision,
          // repeat reports, visits and merge suggestions)
          .containsExactlyInAnyOrderElementsOf(
              java.util.EnumSet.complementOf(
                  java.util.EnumSet.of(
                      EventType.EXTENSION_REQUESTED,
                      EventType.EXTENSION_REFUSED,
                      EventType.REPEAT_REPORTED,
                      EventType.SUPERVISION_OPENED,
                      EventType.URGED,
                      EventType.SUPERVISION_ESCALATED,
                      EventType.SUPERVISION_CLOSED,
                      EventType.VISITED,
                      EventType.MERGE_SUGGESTED,
                      EventType.MERGE_DECLINED)));
      for (int i = 0; i < events.size(); i++) {
        CaseEvent e = loaded.get(i);
        assertThat(e.sequence()).isEqualTo(i + 1);
        assertThat(e.at())
            .isEqualTo(Instant.parse("2024-03-01T02:00:00.123Z").plus(Duration.ofMinutes(i)));
        // What the store writes for the value it loaded is the row it read, byte for byte.
        assertThat(CaseJson.unmasked().write(e)).isEqualTo(events.get(i));
      }
      assertThat(loaded.get(9).payload())
          .isEqualTo(
              new EventPayload.Summoned(ImmutableList.of("D2", "D1"), Duration.ofMinutes(30)));
      assertThat(loaded.get(24).payload())
          .isEqualTo(
              new EventPayload.DeadlineRevised(
                  "case",
                  Instant.parse("2024-03-06T02:00:00Z"),
                  Instant.parse("2024-03-07T02:00:00Z"),
                  "cn-2027",
                  false));
    }
  }
}
