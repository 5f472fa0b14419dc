package org.gridgov.benchmarks.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.json.EngineSnapshotJson;

/**
 * The size of a persisted engine snapshot per case (store-jdbc's {@code gridgov_snapshots.payload}:
 * gridgov-json's snapshot document, gzip-compressed as the store does it), before and after gzip,
 * at a given number of cases: the input of the chunking question in docs/event-store.md.
 *
 * <p>The cases are not uniform: over 60 simulated days a case is reported every ~52 s on one of
 * {@link EngineSetup}'s 1,000 grids (every 7th a water case, every 13th urgent), verified,
 * registered and dispatched; then, drawn with a fixed seed, the oldest open case is finished
 * (accepted, resolved, checked, closed) with probability 0.6, a random open one accepted (0.1) or
 * escalated (0.05); time is advanced before every case, so the SLA clocks of cases left open warn
 * and breach and their histories grow as in a real district. Wall-clock, one observation:
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.gridgov.benchmarks.engine.SnapshotSize \
 *     100000 benchmarks/results/snapshot-size.json
 * </pre>
 */
public final class SnapshotSize {
  /** The district office: the policy rejects escalating above it. */
  private static final String TOP = CaseEngine.officeOf(EngineSetup.DISTRICT);

  private SnapshotSize() {}

  /**
   * Builds the engine, writes its snapshot and prints and writes the sizes.
   *
   * @param args the number of cases, then the JSON output file
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("expected: <cases> <out.json>, e.g. 100000 size.json");
    }
    int cases = Integer.parseInt(args[0]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    EngineSetup setup = new EngineSetup();
    CaseEngine e = setup.config().build();
    long events = run(setup, e, cases);
    EngineSnapshot snap = e.snapshot();

    long t0 = System.nanoTime();
    byte[] json = EngineSnapshotJson.toBytes(snap);
    double jsonMs = (System.nanoTime() - t0) / 1e6;
    long t1 = System.nanoTime();
    byte[] gz = gzip(json);
    double gzipMs = (System.nanoTime() - t1) / 1e6;

    String result =
        String.format(
            Locale.ROOT,
            "{\"cases\": %d, \"openCases\": %d, \"events\": %d, \"jsonBytes\": %d,"
                + " \"gzipBytes\": %d, \"jsonBytesPerCase\": %.1f, \"gzipBytesPerCase\": %.1f,"
                + " \"ratio\": %.2f, \"writeJsonMs\": %.0f, \"gzipMs\": %.0f}%n",
            snap.cases().size(),
            e.openCaseCount(),
            events,
            json.length,
            gz.length,
            json.length / (double) snap.cases().size(),
            gz.length / (double) snap.cases().size(),
            json.length / (double) gz.length,
            jsonMs,
            gzipMs);
    out.print(result);
    Files.writeString(Path.of(args[1]), result, StandardCharsets.UTF_8);
  }

  /** Runs the mixed workload; returns the number of events. */
  private static long run(EngineSetup setup, CaseEngine e, int cases) {
    SplittableRandom r = new SplittableRandom(20261204L);
    ArrayDeque<CaseFacts> open = new ArrayDeque<>();
    List<CaseFacts> openList = new ArrayList<>();
    List<CaseEvent> sink = new ArrayList<>();
    long events = 0;
    long stepMs = Duration.ofDays(60).toMillis() / cases;
    Instant t = EngineSetup.START;
    for (int i = 0; i < cases; i++) {
      t = t.plusMillis(stepMs);
      sink.addAll(e.advanceTo(t)); // warnings and breaches due by now
      CaseFacts f = setup.facts("C-" + i, i);
      EngineSetup.open(e, f, "c" + i, t, sink);
      open.add(f);
      openList.add(f);
      double u = r.nextDouble();
      if (u < 0.6) {
        CaseFacts done = open.poll();
        if (done != null && isDispatched(e, done)) {
          finish(e, done, "f" + i, t, sink);
        }
      } else if (u < 0.7) {
        CaseFacts a = openList.get(r.nextInt(openList.size()));
        if (isDispatched(e, a)) {
          String lead = e.state(a.id()).orElseThrow().lead().orElseThrow();
          sink.addAll(
              e.execute(
                  Command.of("a" + i, EngineSetup.LEADER, a.id(), t, new Command.Accept(lead))));
        }
      } else if (u < 0.75) {
        CaseFacts a = openList.get(r.nextInt(openList.size()));
        if (isDispatched(e, a) && !e.state(a.id()).orElseThrow().lead().orElseThrow().equals(TOP)) {
          sink.addAll(
              e.execute(
                  Command.of(
                      "e" + i,
                      EngineSetup.DISPATCHER,
                      a.id(),
                      t,
                      new Command.Escalate(java.util.Optional.empty()))));
        }
      }
      events += sink.size();
      sink.clear();
    }
    return events;
  }

  /** Accept, resolve, check and close by the case's current lead (escalated ones included). */
  private static void finish(
      CaseEngine e, CaseFacts f, String prefix, Instant t, List<CaseEvent> sink) {
    var id = f.id();
    String lead = e.state(id).orElseThrow().lead().orElseThrow();
    sink.addAll(
        e.execute(Command.of(prefix + "a", EngineSetup.LEADER, id, t, new Command.Accept(lead))));
    sink.addAll(
        e.execute(
            Command.of(
                prefix + "s", EngineSetup.LEADER, id, t, new Command.Resolve(lead, "done"))));
    sink.addAll(
        e.execute(
            Command.of(prefix + "c", EngineSetup.DISPATCHER, id, t, new Command.Check(true, ""))));
    sink.addAll(
        e.execute(Command.of(prefix + "x", EngineSetup.DISPATCHER, id, t, new Command.Close())));
  }

  private static boolean isDispatched(CaseEngine e, CaseFacts f) {
    return e.state(f.id())
        .map(s -> s.status() == org.gridgov.casefile.CaseStatus.DISPATCHED)
        .orElse(false);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
    try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16)) {
      z.write(bytes);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return out.toByteArray();
  }
}
