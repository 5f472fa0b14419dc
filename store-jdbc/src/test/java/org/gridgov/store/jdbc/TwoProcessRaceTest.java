package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.store.jdbc.StoreFixture.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes ({@link RacingWriter} in child JVMs) write one PostgreSQL database at the same
 * time; afterwards the store is reopened and compared with the log of a plain engine that ran the
 * same commands: 0 lost, 0 duplicated, 0 corrupt. Skipped without {@code GRIDGOV_PG_URL} (a failure
 * on CI). Not on H2: an embedded H2 file is locked to one process ({@code FILE_LOCK=FS}); {@link
 * PartitionedWritersTest} runs two writers over two connections on H2 in one JVM.
 */
class TwoProcessRaceTest {
  private static final int CASES = 8;
  private final List<Child> children = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (Child c : children) {
      var unused = c.process.toHandle().destroyForcibly();
    }
  }

  @Test
  void writersOfDifferentPartitionsBothSucceed(@TempDir Path dir) throws Exception {
    String url = StoreFixture.freshUrl("pg", dir);
    Child a = start(dir, url, "acquire", "north", "N", 0);
    Child b = start(dir, url, "acquire", "south", "S", 0);
    assertThat(a.line()).isEqualTo("acquired 1");
    assertThat(b.line()).isEqualTo("acquired 1");
    a.go();
    b.go();
    a.awaitDone();
    b.awaitDone();
    try (EventStore store = StoreFixture.open(url)) {
      assertThat(store.load(Partition.of("north")).events()).isEqualTo(reference("N"));
      assertThat(store.load(Partition.of("south")).events()).isEqualTo(reference("S"));
      assertThat(store.load().events())
          .as("one gap-free log")
          .hasSize(reference("N").size() + reference("S").size());
    }
  }

  @Test
  void secondWriterOfTheSamePartitionIsRefusedWhileTheFirstWrites(@TempDir Path dir)
      throws Exception {
    String url = StoreFixture.freshUrl("pg", dir);
    Child a = start(dir, url, "acquire", "same", "X", 0);
    Child b = start(dir, url, "acquire", "same", "X", 0);
    List<String> first = List.of(a.line(), b.line());
    assertThat(first).containsExactlyInAnyOrder("acquired 1", "refused 1");
    Child winner = first.get(0).startsWith("acquired") ? a : b;
    Child loser = winner == a ? b : a;
    assertThat(loser.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(loser.process.exitValue()).as(loser.errors()).isZero();
    winner.go();
    winner.awaitDone();
    assertStoreIs(url, "same", "X");
  }

  @Test
  void writerWhoseLeaseIsTakenOverByAnotherProcessIsFenced(@TempDir Path dir) throws Exception {
    String url = StoreFixture.freshUrl("pg", dir);
    Child a = start(dir, url, "acquire", "p", "T", -1); // one command per "go"
    assertThat(a.line()).isEqualTo("acquired 1");
    for (int i = 0; i <= 5; i++) {
      a.go();
      assertThat(a.line()).isEqualTo("ack " + i);
    }
    Child b = start(dir, url, "takeover", "p", "T", 0);
    assertThat(b.line()).isEqualTo("acquired 2");
    a.go();
    assertThat(a.line()).as("a's next append after the take-over").isEqualTo("fenced 1 2");
    b.go();
    b.awaitDone();
    assertStoreIs(url, "p", "T");
  }

  @Test
  void killedWritersPartitionIsAcquiredAtOnceByTheNextProcess(@TempDir Path dir) throws Exception {
    String url = StoreFixture.freshUrl("pg", dir);
    Child a = start(dir, url, "acquire", "k", "K", 20);
    assertThat(a.line()).isEqualTo("acquired 1");
    a.go();
    a.awaitLine("ack 7");
    var unused = a.process.toHandle().destroyForcibly();
    assertThat(a.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Child b = start(dir, url, "acquire", "k", "K", 0);
    assertThat(b.line()).as("the dead holder's session is gone").isEqualTo("acquired 2");
    b.go();
    b.awaitDone();
    assertStoreIs(url, "k", "K");
  }

  private static void assertStoreIs(String url, String partition, String prefix) {
    try (EventStore store = StoreFixture.open(url)) {
      StoredLog log = store.load(Partition.of(partition));
      assertThat(log.events()).as("0 lost, 0 duplicated").isEqualTo(reference(prefix));
      assertThat(log.facts()).hasSize(CASES);
      var whole = store.load(); // checks every row and the gap-free positions: 0 corrupt
      assertThat(whole.events()).hasSameSizeAs(log.events());
      DurableCaseEngine reopened = DurableCaseEngine.open(store, Partition.of(partition), config());
      assertThat(reopened.snapshot().cases()).hasSize(CASES);
    }
  }

  private static List<CaseEvent> reference(String prefix) {
    CaseEngine plain = config().build();
    List<CaseEvent> log = new ArrayList<>();
    for (Command c : RacingWriter.commands(prefix, CASES)) {
      log.addAll(plain.advanceTo(c.at()));
      log.addAll(plain.execute(c));
    }
    return log;
  }

  private Child start(
      Path dir, String url, String mode, String partition, String prefix, long pauseMs)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = Files.createTempFile(dir, "writer", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            RacingWriter.class.getName(),
            url,
            mode,
            partition,
            prefix,
            Integer.toString(CASES),
            Long.toString(pauseMs));
    pb.redirectError(err.toFile());
    Child c = new Child(pb.start(), err, mode + " " + partition);
    children.add(c);
    return c;
  }

  /** A writer process, its stdout read line by line. */
  private static final class Child {
    final Process process;
    final BufferedReader out;
    final Writer in;
    final Path err;
    final String what;

    Child(Process process, Path err, String what) {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.err = err;
      this.what = what;
    }

    String line() throws IOException {
      String l = out.readLine();
      if (l == null) {
        throw new AssertionError(what + ": ended without output; " + errors());
      }
      return l;
    }

    void go() throws IOException {
      in.write("go\n");
      in.flush();
    }

    void awaitLine(String expected) throws IOException {
      var unused = awaitLineStartingWith(expected);
    }

    String awaitLineStartingWith(String prefix) throws IOException {
      for (String l = line(); ; l = line()) {
        if (l.startsWith(prefix)) {
          return l;
        }
      }
    }

    void awaitDone() throws Exception {
      assertThat(awaitLineStartingWith("done")).isEqualTo("done go");
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(errors()).isZero();
    }

    String errors() {
      try {
        return what + " stderr: " + Files.readString(err, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return what + " stderr unreadable: " + e;
      }
    }
  }
}
