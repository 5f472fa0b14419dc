package org.gridgov.simulation.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.gridgov.simulation.SweepResult;
import org.gridgov.simulation.report.SweepReport;

/**
 * Scenario files and report directories named by URIs Spark understands: local paths and {@code
 * file:} URIs, or any Hadoop file system ({@code hdfs://}, {@code s3a://}, {@code abfs://}, ...).
 */
final class Locations {
  private Locations() {}

  /**
   * Reads a scenario: a built-in name, a local file, or a file on a Hadoop file system (copied to a
   * local temporary file first; paths inside it are then relative to that copy).
   *
   * @param location e.g. {@code putian}, {@code scenarios/city.yaml}, {@code
   *     hdfs://nn/gridgov/city.yaml}
   * @param conf the Hadoop configuration (credentials, endpoints)
   * @return the scenario
   */
  static Scenario readScenario(String location, Configuration conf) {
    Optional<Scenario> builtIn = BuiltInScenarios.named(location);
    if (builtIn.isPresent() && !Files.exists(Path.of(location))) {
      return builtIn.get();
    }
    if (isLocal(location)) {
      return ScenarioFiles.read(localPath(location));
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(location);
    try {
      Path dir = Files.createTempDirectory("gridgov-scenario");
      Path copy = dir.resolve(remote.getName());
      remote
          .getFileSystem(conf)
          .copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(copy.toUri()), true);
      return ScenarioFiles.read(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario " + location, e);
    }
  }

  /**
   * Checks, before any task, that the report can go to {@code out}: it does not exist, or is an
   * empty directory.
   *
   * @param out the report directory
   * @param conf the Hadoop configuration
   * @throws IllegalArgumentException if {@code out} exists and is a file or a non-empty directory
   */
  static void checkWritable(String out, Configuration conf) {
    org.apache.hadoop.fs.Path target = hadoopPath(out);
    try {
      FileSystem fs = target.getFileSystem(conf);
      if (fs.exists(target)) {
        FileStatus status = fs.getFileStatus(target);
        if (!status.isDirectory() || fs.listStatus(target).length > 0) {
          throw new IllegalArgumentException(
              "--out " + out + ": exists and is not an empty directory; give a new directory");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the report directory " + out, e);
    }
  }

  /**
   * Writes the report to {@code out}: first into a local temporary directory, then copied next to
   * {@code out} and renamed to it, so {@code out} appears whole or not at all (on stores without an
   * atomic rename, such as S3, the copy is not atomic).
   *
   * @param result the sweep's result
   * @param out the report directory, missing or empty
   * @param commandLine the command shown in the report
   * @param conf the Hadoop configuration
   * @return the report's {@code report.html}
   */
  static String writeReport(
      SweepResult result, String out, String commandLine, Configuration conf) {
    checkWritable(out, conf);
    org.apache.hadoop.fs.Path target = hadoopPath(out);
    Path staging = null;
    try {
      staging = Files.createTempDirectory("gridgov-report");
      var unused = SweepReport.write(result, staging, commandLine);
      FileSystem fs = target.getFileSystem(conf);
      org.apache.hadoop.fs.Path parent = target.getParent();
      org.apache.hadoop.fs.Path temporary =
          new org.apache.hadoop.fs.Path(
              parent, "." + target.getName() + ".writing-" + UUID.randomUUID());
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(staging.toUri()), temporary);
      if (fs.exists(target)) {
        fs.delete(target, false); // empty (checked)
      }
      if (!fs.rename(temporary, target)) {
        fs.delete(temporary, true);
        throw new UncheckedIOException(
            new IOException("cannot rename the written report to " + out));
      }
      return new org.apache.hadoop.fs.Path(target, "report.html").toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + out, e);
    } finally {
      if (staging != null) {
        deleteQuietly(staging);
      }
    }
  }

  private static boolean isLocal(String location) {
    String scheme = scheme(location);
    return scheme == null || scheme.equals("file");
  }

  private static Path localPath(String location) {
    String scheme = scheme(location);
    Path p = scheme == null ? Path.of(location) : Path.of(URI.create(location));
    return p.toAbsolutePath().normalize();
  }

  private static org.apache.hadoop.fs.Path hadoopPath(String location) {
    return isLocal(location)
        ? new org.apache.hadoop.fs.Path(localPath(location).toUri())
        : new org.apache.hadoop.fs.Path(location);
  }

  /** The URI scheme, or null for a plain path (a one-letter scheme is a Windows drive). */
  private static @org.jspecify.annotations.Nullable String scheme(String location) {
    int colon = location.indexOf(':');
    if (colon <= 1) {
      return null;
    }
    String s = location.substring(0, colon);
    return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')
        ? s.toLowerCase(Locale.ROOT)
        : null;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
