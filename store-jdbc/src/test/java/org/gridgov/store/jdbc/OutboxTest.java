package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.engine.Command;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Following the log: {@link EventStore#readFrom(long, int)}. */
class OutboxTest {
  static List<String> databases() {
    return StoreFixture.databases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pagesFollowTheLogInOrderWithPositionsAndPartitions(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Partition north = Partition.of("north");
    Partition south = Partition.of("south");
    List<CaseEvent> written = new ArrayList<>();
    List<Partition> writers = new ArrayList<>();
    try (EventStore a = StoreFixture.open(url);
        EventStore b = StoreFixture.open(url)) {
      DurableCaseEngine ea = DurableCaseEngine.open(a, north, config());
      DurableCaseEngine eb = DurableCaseEngine.open(b, south, config());
      List<Command> na = RacingWriter.commands("N", 3);
      List<Command> sb = RacingWriter.commands("S", 3);
      for (int i = 0; i < na.size(); i++) {
        for (CaseEvent e : ea.execute(na.get(i))) {
          written.add(e);
          writers.add(north);
        }
        for (CaseEvent e : eb.execute(sb.get(i))) {
          written.add(e);
          writers.add(south);
        }
      }
      assertThat(a.readFrom(written.size() + 1, 10)).as("nothing stored there yet").isEmpty();

      List<PositionedEvent> followed = new ArrayList<>();
      long next = 1;
      for (List<PositionedEvent> page = a.readFrom(next, 5); !page.isEmpty(); ) {
        assertThat(page).hasSizeLessThanOrEqualTo(5);
        followed.addAll(page);
        next = page.get(page.size() - 1).position() + 1;
        page = a.readFrom(next, 5);
      }
      assertThat(followed).extracting(PositionedEvent::event).isEqualTo(written);
      assertThat(followed).extracting(PositionedEvent::partition).isEqualTo(writers);
      for (int i = 0; i < followed.size(); i++) {
        assertThat(followed.get(i).position()).isEqualTo(i + 1);
      }
      assertThat(followed).extracting(PositionedEvent::event).isEqualTo(a.load().events());

      CaseEvent later = ea.execute(RacingWriter.commands("N", 4).get(12)).get(0);
      assertThat(a.readFrom(next, 5))
          .as("a follower asking again from where it stopped sees exactly the new event")
          .containsExactly(new PositionedEvent(next, north, later));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void badArgumentsAreRefusedNamingTheValue(String db, @TempDir Path dir) {
    try (EventStore store = StoreFixture.open(freshUrl(db, dir))) {
      assertThatThrownBy(() -> store.readFrom(0, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("log position 0 is not positive");
      assertThatThrownBy(() -> store.readFrom(1, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("max 0 is not between 1 and 10000");
      assertThatThrownBy(() -> store.readFrom(1, EventStore.MAX_READ + 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("max 10001");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMissingPositionIsReportedAsCorrupt(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      for (Command c : RacingWriter.commands("C", 1)) {
        var unused = e.execute(c);
      }
      sql(url, "DELETE FROM gridgov_events WHERE log_position = 2");
      assertThatThrownBy(() -> store.readFrom(1, 10))
          .isInstanceOf(CorruptStoreException.class)
          .hasMessageContaining("log position 2 is missing before this event's position 3");
    }
  }
}
