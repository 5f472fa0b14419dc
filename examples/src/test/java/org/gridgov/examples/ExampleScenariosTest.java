package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.gridgov.simulation.WorkSchedule;
import org.junit.jupiter.api.Test;

/**
 * The scenario files shipped in examples/scenarios read cleanly, and the YAML and its JSON twin
 * agree.
 */
class ExampleScenariosTest {
  private static final Path DIR = Path.of("scenarios");

  @Test
  void putianWeekYamlReadsAsDocumented() {
    Scenario s = ScenarioFiles.read(DIR.resolve("putian-week.yaml"));
    assertThat(s.name()).isEqualTo("putian-week");
    assertThat(s.city()).isEqualTo(new CitySpec.Putian(1));
    assertThat(s.householdsPerGrid()).hasValue(300);
    assertThat(s.horizon()).isEqualTo(Duration.ofDays(7));
    assertThat(s.categories()).hasSize(5);
    assertThat(s.categories().get(0).handling()).isEqualTo(Distribution.lognormal(60, 40));
    assertThat(s.staffing().department("dept:water")).isEqualTo(20);
    assertThat(s.workSchedule()).isEqualTo(WorkSchedule.WORKING_TIME);
    assertThat(s.slaPolicy())
        .hasValueSatisfying(t -> assertThat(t).contains("whole-case *    URGENT"));
    assertThat(s.routingPolicy()).isEmpty();
  }

  @Test
  void jsonTwinEqualsTheYaml() {
    assertThat(ScenarioFiles.read(DIR.resolve("putian-week.json")))
        .isEqualTo(ScenarioFiles.read(DIR.resolve("putian-week.yaml")));
  }
}
