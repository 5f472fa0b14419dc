package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Experiments#assemble} and {@link Experiments#validate}, for other sweep executors. */
class ExperimentsAssembleTest {

  private static Sweep sweep() {
    return new Sweep(
        TestScenarios.small().build(),
        SweepParameter.WORKERS_PER_GRID,
        ImmutableList.of("1", "2"),
        2,
        5,
        2);
  }

  /** One grid of ten million residents, the putian scenario's demand mix and staffing. */
  private static Scenario crowded() {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("crowded")
        .city(new CitySpec.SingleGrid(10_000_000))
        .addAllCategories(putian.categories())
        .staffing(putian.staffing())
        .travel(putian.travel())
        .build();
  }

  @Test
  void assemblingTheRunsOfARunGivesItsResult() {
    Sweep sweep = sweep();
    SweepResult run = Experiments.run(sweep, Progress.NONE);

    assertThat(Experiments.assemble(sweep, run.runs())).isEqualTo(run);
  }

  @Test
  void runsOutOfOrderOrMissingAreRefused() {
    Sweep sweep = sweep();
    SweepResult run = Experiments.run(sweep, Progress.NONE);
    List<ReplicationResult> swapped = new ArrayList<>(run.runs());
    Collections.swap(swapped, 0, 1);

    assertThatThrownBy(() -> Experiments.assemble(sweep, ImmutableList.copyOf(swapped)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run 0 is value '1' replication 1; expected value '1' replication 0");
    assertThatThrownBy(() -> Experiments.assemble(sweep, run.runs().subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 4 runs (values × replications) but got 3");
  }

  @Test
  void validateRefusesWhatRunRefusesWithTheSameMessage() {
    Sweep bad =
        new Sweep(
            // ten million residents at 1,000 cases a year expect more cases than a run may
            crowded(),
            SweepParameter.CASES_PER_RESIDENT_PER_YEAR,
            ImmutableList.of("0.001", "1000"),
            1,
            1,
            1);
    String fromRun = null;
    try {
      var unused = Experiments.run(bad, Progress.NONE);
    } catch (IllegalArgumentException e) {
      fromRun = e.getMessage();
    }
    assertThat(fromRun).contains("cases expected");
    assertThatThrownBy(() -> Experiments.validate(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(fromRun);
    Experiments.validate(sweep()); // a good sweep passes
  }
}
