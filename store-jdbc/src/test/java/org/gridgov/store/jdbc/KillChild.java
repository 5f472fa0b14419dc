package org.gridgov.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link CrashScenario#main} on a store, its standard output read line by line,
 * killed with {@code SIGKILL} ({@code kill -9}) by the kill test.
 */
final class KillChild {
  private final Process process;
  private final BufferedReader out;
  private final Path err;
  private final String what;
  private int lastStored = -1;
  private boolean done;

  private KillChild(Process process, Path err, String what) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.err = err;
    this.what = what;
  }

  /** Starts a child on the store at {@code url}, running the scenario of {@code seed, steps}. */
  static KillChild start(String url, Path dir, long seed, int steps, String what)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = Files.createTempFile(dir, "child", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            CrashScenario.class.getName(),
            url,
            Long.toString(seed),
            Integer.toString(steps));
    pb.redirectError(err.toFile());
    return new KillChild(pb.start(), err, what);
  }

  /** Reads the child's first line, {@code resume <step>}, and returns the step. */
  int resumeStep() throws IOException {
    String line = out.readLine();
    if (line == null || !line.startsWith("resume ")) {
      throw new AssertionError(
          what + ": expected 'resume <step>' but got " + line + "; " + errors());
    }
    return Integer.parseInt(line.substring("resume ".length()));
  }

  /**
   * Reads until the child acknowledges step {@code step} (stored or retry) or says {@code done};
   * returns false if it ended first.
   */
  boolean readUntilAck(int step) throws IOException {
    String wanted = "ack " + step + " ";
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      note(line);
      if (line.startsWith(wanted)) {
        return true;
      }
      if (line.equals("done")) {
        return false;
      }
    }
    return false;
  }

  private void note(String line) {
    if (line.startsWith("ack ") && line.endsWith(" stored")) {
      lastStored = Integer.parseInt(line.substring(4, line.length() - " stored".length()));
    } else if (line.equals("done")) {
      done = true;
    }
  }

  /**
   * Sends {@code SIGKILL} (through the process handle: {@code Process.destroyForcibly} would also
   * close the pipe still being read), waits for the death, and reads what the child printed before
   * it.
   */
  void kill() throws IOException, InterruptedException {
    var unused = process.toHandle().destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError(what + ": the child did not die within 60 s");
    }
    drain();
  }

  /** Waits for a child that printed {@code done} to exit; fails on a non-zero exit. */
  void awaitExit() throws IOException, InterruptedException {
    drain();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(what + ": the finished child did not exit cleanly; " + errors());
    }
  }

  private void drain() throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      note(line);
    }
  }

  /** The last step the child acknowledged as stored, -1 if none. */
  int lastStored() {
    return lastStored;
  }

  /** Whether the child printed {@code done}: it ran the scenario to its end. */
  boolean done() {
    return done;
  }

  String errors() {
    try {
      return "child stderr: " + Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "child stderr unreadable: " + e;
    }
  }
}
