package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.TextParseException;
import org.gridgov.TextParseException.Problem;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid workers' role share and absences ({@link Staff}, the {@code staff:} section). */
class StaffTest {
  private static final String REST =
      """
      name: x
      city: putian
      categories: [{code: "01", share: 1, handling: "fixed(10)"}]
      """;
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  @Test
  void fullTimeAndPresent_givesExactlyTheRunWithStaffOff() {
    ReplicationResult off = Simulator.run(TestScenarios.small().build(), 5, 0, Progress.NONE);
    ReplicationResult full =
        Simulator.run(TestScenarios.small().staff(new Staff(1, 0)).build(), 5, 0, Progress.NONE);

    assertThat(full).isEqualTo(off);
  }

  /** The documented effect: less capacity per worker, busier workers and slower cases. */
  @Test
  void sharedRolesAndAbsences_raiseUtilisationAndTheTimeToClose() {
    double utilOff = 0;
    double utilShared = 0;
    double hoursOff = 0;
    double hoursShared = 0;
    for (int rep = 0; rep < 2; rep++) {
      ReplicationResult off = Simulator.run(TestScenarios.small().build(), 31, rep, Progress.NONE);
      ReplicationResult shared =
          Simulator.run(
              TestScenarios.small().staff(new Staff(0.5, 0.1)).build(), 31, rep, Progress.NONE);
      utilOff += off.value(Metric.WORKER_UTILISATION);
      utilShared += shared.value(Metric.WORKER_UTILISATION);
      hoursOff += off.value(Metric.MEAN_HOURS_TO_CLOSE);
      hoursShared += shared.value(Metric.MEAN_HOURS_TO_CLOSE);
    }

    // grid cases take 1 / (0.5 × 0.9) ≈ 2.2 times as long: utilisation roughly doubles
    assertThat(utilShared).isGreaterThan(1.8 * utilOff);
    assertThat(hoursShared).isGreaterThan(hoursOff);
  }

  @Test
  void fromRegistry_splitsEachPersonsTimeOverTheirActiveAssignments() {
    List<Region> grids = TestScenarios.SMALL_CITY.regionsAt(RegionLevel.GRID);
    long g1 = grids.get(0).code();
    long g2 = grids.get(1).code();
    PersonId a = PersonId.of("p-1");
    PersonId b = PersonId.of("p-2");
    PersonId c = PersonId.of("p-3");
    StaffRegistry r =
        StaffRegistry.of(
            TestScenarios.SMALL_CITY,
            StaffRoles.standard(),
            LocalDate.of(2025, 1, 1),
            List.of(
                // a: full-time grid worker of one grid -> 1
                Assignment.from(a, "grid_worker", g1, T0),
                // b: grid worker of two grids (一员多格) -> 1/2 each
                Assignment.from(b, "grid_worker", g1, T0),
                Assignment.from(b, "grid_worker", g2, T0),
                // c: grid worker and volunteer (一员多用) -> 1/2; the volunteer role is no grid work
                Assignment.from(c, "grid_worker", g2, T0),
                Assignment.from(c, "volunteer", g2, T0),
                // ended before the instant: not counted
                Assignment.between(c, "grid_worker", g1, T0, T0.plusSeconds(60))));

    Staff s = Staff.fromRegistry(r, T0.plusSeconds(3600), 0.05);

    // grid-worker assignments: a 1, b 1/2, b 1/2, c 1/2 -> mean 2.5 / 4
    assertThat(s.roleShare()).isCloseTo(2.5 / 4, within(1e-12));
    assertThat(s.absenceRate()).isEqualTo(0.05);
    assertThat(s.capacityFactor()).isCloseTo(2.5 / 4 * 0.95, within(1e-12));
    assertThatThrownBy(() -> Staff.fromRegistry(r, T0.minusSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no grid-worker assignment active at " + T0.minusSeconds(1));
  }

  @Test
  void badValues_areRefusedNamingTheField() {
    assertThatThrownBy(() -> new Staff(0, 0)).hasMessageContaining("staff.role-share");
    assertThatThrownBy(() -> new Staff(1.2, 0)).hasMessageContaining("1.2");
    assertThatThrownBy(() -> new Staff(1, 1)).hasMessageContaining("staff.absence-rate");
  }

  @Test
  void theSection_readsDefaultsNoneAndProblems() throws IOException {
    String rest = REST;
    assertThat(read(rest + "staff: {role-share: 0.6, absence-rate: 0.05}\n").staff())
        .contains(new Staff(0.6, 0.05));
    assertThat(read(rest + "staff: {absence-rate: 0.05}\n").staff()).contains(new Staff(1, 0.05));
    assertThat(read(rest + "staff: none\n").staff()).isEmpty();
    assertThat(read(rest).staff()).isEmpty();

    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, rest + "staff:\n  role-share: 0\n  absense-rate: 0.1\n");
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(f));
    assertThat(e).isNotNull();
    List<Problem> ps = e.problems();
    assertThat(ps)
        .extracting(Problem::field)
        .containsExactly("staff.role-share", "staff.absense-rate");
    assertThat(ps).extracting(Problem::line).containsExactly(5, 6);
    assertThat(ps.get(0).reason()).contains("> 0 and <= 1");
    assertThat(ps.get(1).reason()).contains("did you mean 'absence-rate'?");
  }

  @Test
  void theYamlWriter_roundTripsStaff() throws IOException {
    Scenario s = TestScenarios.small().staff(new Staff(0.75, 0.125)).build();
    Scenario named = read(REST + "staff: {role-share: 0.75, absence-rate: 0.125}\n");

    assertThat(ScenarioFiles.toYaml(named))
        .contains("staff: {role-share: 0.75, absence-rate: 0.125}");
    assertThat(s.staff()).isEqualTo(named.staff());
  }

  private Scenario read(String text) throws IOException {
    Path f = dir.resolve("s" + Integer.toHexString(text.hashCode()) + ".yaml");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return ScenarioFiles.read(f);
  }
}
