package org.gridgov.store.jdbc;

import static org.gridgov.store.jdbc.StoreFixture.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;

/**
 * A writer process for {@link TwoProcessRaceTest}: {@code <jdbc url> <acquire|takeover> <partition>
 * <case prefix> <cases> <pause ms>}. Opens the store, acquires (or takes over) the partition and
 * prints {@code acquired <token>}, or {@code refused <holder token>} and exits; waits for a line on
 * stdin; then runs {@link #commands} (a command the store already holds is a retry: the stored
 * events come back, nothing is written), printing {@code ack <i>} after each, pausing between them,
 * and {@code done}; or {@code fenced <own> <current>} if its lease is taken over.
 */
final class RacingWriter {
  private RacingWriter() {}

  /** Per case: report, verify, register, dispatch, four minutes per case, rising instants. */
  static List<Command> commands(String prefix, int cases) {
    Principal disp = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
    long[] grids = {GRID1, GRID2, GRID3};
    List<Command> out = new ArrayList<>();
    Instant start = at("2025-03-03T09:00");
    for (int i = 0; i < cases; i++) {
      long grid = grids[i % grids.length];
      CaseFacts f = StoreFixture.facts(prefix + i, "0102", Priority.NORMAL, grid);
      Principal worker = Principal.inRegion("gw-" + grid, Role.GRID_WORKER, grid);
      Instant t = start.plus(Duration.ofMinutes(4L * i));
      String id = f.id().value();
      out.add(Command.of(id + "-r", worker, f.id(), t, new Command.Report(f)));
      out.add(Command.of(id + "-v", disp, f.id(), t.plusSeconds(60), new Command.Verify(true, "")));
      out.add(Command.of(id + "-g", disp, f.id(), t.plusSeconds(120), new Command.Register()));
      out.add(Command.of(id + "-d", disp, f.id(), t.plusSeconds(180), Command.Dispatch.byPolicy()));
    }
    return out;
  }

  /**
   * Runs the writer.
   *
   * @param args url, mode, partition, case prefix, cases, pause in ms
   * @throws Exception on any failure (the test reads stderr)
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Partition partition = Partition.of(args[2]);
    List<Command> commands = commands(args[3], Integer.parseInt(args[4]));
    long pause = Long.parseLong(args[5]);
    try (EventStore store = StoreFixture.open(args[0])) {
      DurableCaseEngine engine;
      try {
        if (args[1].equals("takeover")) {
          var unused = store.takeOver(partition);
        }
        engine = DurableCaseEngine.open(store, partition, config());
      } catch (PartitionLeaseHeldException e) {
        out.println("refused " + e.holderToken());
        return;
      }
      out.println("acquired " + engine.lease().token());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String go = in.readLine();
      for (int i = 0; i < commands.size(); i++) {
        if (pause < 0 && i > 0) {
          var unused = in.readLine(); // step mode: one command per line on stdin
        }
        try {
          var unused = engine.execute(commands.get(i));
        } catch (PartitionFencedException e) {
          out.println("fenced " + e.ownToken() + " " + e.currentToken());
          return;
        }
        out.println("ack " + i);
        if (pause > 0) {
          Thread.sleep(pause);
        }
      }
      out.println("done " + go);
    }
  }
}
