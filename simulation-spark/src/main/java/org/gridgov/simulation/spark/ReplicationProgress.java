package org.gridgov.simulation.spark;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.gridgov.simulation.Progress;

/**
 * Progress of a sweep's Spark job on the driver: counts the replications done (each task once,
 * retries and speculative copies included), reports simulated hours to a {@link Progress}, and logs
 * "done / total, ETA" every 10%.
 */
final class ReplicationProgress extends SparkListener {
  private final String jobGroup;
  private final long[] hoursOfTask;
  private final long totalHours;
  private final Progress progress;
  private final Consumer<String> log;
  private final long startNanos;
  private final Set<Integer> stages = new HashSet<>();
  private final BitSet done = new BitSet();
  private long doneHours;
  private int lastTenth;

  ReplicationProgress(
      String jobGroup, long[] hoursOfTask, Progress progress, Consumer<String> log, long nanos) {
    this.jobGroup = jobGroup;
    this.hoursOfTask = hoursOfTask.clone();
    long sum = 0;
    for (long h : hoursOfTask) {
      sum += h;
    }
    this.totalHours = sum;
    this.progress = progress;
    this.log = log;
    this.startNanos = nanos;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    if (jobGroup.equals(jobStart.properties().getProperty("spark.jobGroup.id"))) {
      List<Object> ids = scala.jdk.javaapi.CollectionConverters.asJava(jobStart.stageIds());
      for (Object id : ids) {
        stages.add((Integer) id);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.reason() != Success$.MODULE$) {
      return;
    }
    taskDone(taskEnd.stageId(), taskEnd.taskInfo().index(), System.nanoTime());
  }

  /** Records task {@code index} of {@code stage} as done at {@code nanos}. */
  synchronized void taskDone(int stage, int index, long nanos) {
    if (!stages.contains(stage) || index < 0 || index >= hoursOfTask.length || done.get(index)) {
      return;
    }
    done.set(index);
    doneHours += hoursOfTask[index];
    progress.update(doneHours, totalHours);
    int n = done.cardinality();
    int tenth = (int) ((long) n * 10 / hoursOfTask.length);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      log.accept(line(n, nanos));
    }
  }

  /** The job finished: every task is done (its late task-end events change nothing). */
  synchronized void finish(long nanos) {
    for (int i = 0; i < hoursOfTask.length; i++) {
      if (!done.get(i)) {
        done.set(i);
        doneHours += hoursOfTask[i];
      }
    }
    progress.update(doneHours, totalHours);
    if (lastTenth < 10) {
      lastTenth = 10;
      log.accept(line(hoursOfTask.length, nanos));
    }
  }

  /** E.g. {@code spark sweep: 12 of 40 replications done (30%), ETA 0:01:05}. */
  String line(int n, long nanos) {
    int total = hoursOfTask.length;
    Duration elapsed = Duration.ofNanos(Math.max(0, nanos - startNanos));
    Duration eta = elapsed.multipliedBy(total - n).dividedBy(Math.max(1, n));
    return String.format(
        Locale.ROOT,
        "spark sweep: %d of %d replications done (%d%%), ETA %d:%02d:%02d",
        n,
        total,
        (int) ((long) n * 100 / total),
        eta.toHours(),
        eta.toMinutesPart(),
        eta.toSecondsPart());
  }

  /** Stages seen for the job group (tests). */
  synchronized void addStage(int stage) {
    stages.add(stage);
  }
}
