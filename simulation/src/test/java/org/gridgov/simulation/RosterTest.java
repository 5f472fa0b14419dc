package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.TextParseException;
import org.gridgov.TextParseException.Problem;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.people.ShiftPattern;
import org.gridgov.people.ShiftPattern.Days;
import org.gridgov.people.ShiftPattern.Window;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.routing.Handler;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid workers on a shift roster (排班, issue #22): a night shift lowers the wait of night reports,
 * absences raise the wait, and the {@code roster:} section reads, refuses with positions and writes
 * back.
 */
class RosterTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ShiftPattern DAY =
      ShiftPattern.of(
          "day", List.of(new Window(Days.WORKING_DAYS, LocalTime.of(9, 0), LocalTime.of(17, 30))));
  private static final ShiftPattern NIGHT =
      ShiftPattern.of(
          "night", List.of(new Window(Days.EVERY_DAY, LocalTime.of(17, 30), LocalTime.of(9, 0))));

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private static Scenario.Builder twoWorkers() {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("two-workers")
        .city(new CitySpec.OfTree(TestScenarios.SMALL_CITY))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(4))
        .drain(Duration.ofDays(14))
        .addAllCategories(putian.categories())
        .staffing(putian.staffing().withWorkersPerGrid(2))
        .travel(putian.travel());
  }

  private static List<CaseFile> files(Scenario s) {
    List<CaseFile> files = new ArrayList<>();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    ReplicationResult unused = Replication.run(p, 13, 0, "", Progress.NONE, files::add);
    for (CaseFile f : files) {
      assertThat(CaseLifecycle.replay(f.facts().id(), f.events())).isEqualTo(f.state());
    }
    return files;
  }

  /** Mean minutes from the first dispatch to the grid office to its acceptance, night reports. */
  private static double nightWaitMinutes(List<CaseFile> files) {
    double sum = 0;
    int n = 0;
    for (CaseFile f : files) {
      String gridOffice =
          Handler.officeId(
              TestScenarios.SMALL_CITY
                  .get(f.facts().locationCodes().get(0))
                  .ancestorAt(RegionLevel.GRID)
                  .orElseThrow()
                  .code());
      Instant dispatched = null;
      for (CaseEvent e : f.events()) {
        if (dispatched == null
            && e.payload() instanceof EventPayload.Dispatched d
            && d.role() == HandlerRole.LEAD) {
          if (!d.handlerId().equals(gridOffice)) {
            break; // led by an office or department without a roster
          }
          dispatched = e.at();
        } else if (dispatched != null && e.payload() instanceof EventPayload.Accepted) {
          int hour = dispatched.atZone(SHANGHAI).getHour();
          if (hour >= 19 || hour < 7) {
            sum += Duration.between(dispatched, e.at()).toMillis() / 60_000.0;
            n++;
          }
          break;
        }
      }
    }
    assertThat(n).as("night reports accepted").isGreaterThan(40);
    return sum / n;
  }

  @Test
  void aNightShiftLowersTheWaitOfNightReports() {
    List<CaseFile> dayOnly = files(twoWorkers().roster(Roster.of(List.of(DAY), 0)).build());
    List<CaseFile> dayAndNight =
        files(twoWorkers().roster(Roster.of(List.of(DAY, NIGHT), 0)).build());

    double without = nightWaitMinutes(dayOnly);
    double with = nightWaitMinutes(dayAndNight);
    assertThat(without).as("night reports wait for the morning").isGreaterThan(300);
    assertThat(with).isLessThan(without / 3);
  }

  @Test
  void absencesRaiseTheMeanWaitAndTheUtilisation() {
    List<ShiftPattern> shifts = List.of(DAY, NIGHT);
    ReplicationResult present =
        Simulator.run(twoWorkers().roster(Roster.of(shifts, 0)).build(), 13, 0, Progress.NONE);
    ReplicationResult absent =
        Simulator.run(twoWorkers().roster(Roster.of(shifts, 0.4)).build(), 13, 0, Progress.NONE);

    assertThat(absent.value(Metric.MEAN_WAIT_MINUTES))
        .isGreaterThan(present.value(Metric.MEAN_WAIT_MINUTES));
    assertThat(absent.value(Metric.CASES_REPORTED))
        .as("same arrivals (common random numbers)")
        .isEqualTo(present.value(Metric.CASES_REPORTED));
    assertThat(absent.value(Metric.WORKER_UTILISATION)).isBetween(0.0, 1.0);
  }

  /**
   * A registry of two grid workers per grid of the test city ({@code g<i>-0}, {@code g<i>-1}), each
   * also holding {@code extraRole} there if not null.
   */
  private static String staffCsv(@Nullable String extraRole) {
    StringBuilder b = new StringBuilder("person,role,region,valid_from,valid_until\n");
    List<Region> grids = TestScenarios.SMALL_CITY.regionsAt(RegionLevel.GRID);
    for (int i = 0; i < grids.size(); i++) {
      for (int w = 0; w < 2; w++) {
        String person = "g" + i + "-" + w;
        b.append(person)
            .append(",grid_worker,")
            .append(grids.get(i).code())
            .append(",2020-01-01,\n");
        if (extraRole != null) {
          b.append(person)
              .append(',')
              .append(extraRole)
              .append(',')
              .append(grids.get(i).code())
              .append(",2020-01-01,\n");
        }
      }
    }
    return b.toString();
  }

  /** Worker 0 of every grid on the day shift, worker 1 on the night shift. */
  private static String shiftsCsv() {
    StringBuilder b = new StringBuilder("person,pattern,days,start,end\n");
    int grids = TestScenarios.SMALL_CITY.regionsAt(RegionLevel.GRID).size();
    for (int i = 0; i < grids; i++) {
      b.append("g").append(i).append("-0,day,working_days,09:00,17:30\n");
      b.append("g").append(i).append("-1,night,every_day,17:30,09:00\n");
    }
    return b.toString();
  }

  private static long[] bits(ReplicationResult r) {
    Metric[] all = Metric.values();
    long[] out = new long[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = Double.doubleToLongBits(r.value(all[i]));
    }
    return out;
  }

  @Test
  void aRegistryOfTheGeneratedShapeGivesTheGeneratedRostersNumbers() {
    ReplicationResult generated =
        Simulator.run(
            twoWorkers().roster(Roster.of(List.of(DAY, NIGHT), 0.3)).build(), 17, 0, Progress.NONE);
    ReplicationResult registry =
        Simulator.run(
            twoWorkers()
                .roster(Roster.ofRegistry(staffCsv(null), Optional.of(shiftsCsv()), 0.3))
                .build(),
            17,
            0,
            Progress.NONE);

    assertThat(bits(registry)).isEqualTo(bits(generated));
    assertThat(registry.engineEvents()).isEqualTo(generated.engineEvents());
  }

  @Test
  void aSecondRolePerPersonLengthensTheTimeToCloseAndRaisesUtilisation() {
    Optional<String> shifts = Optional.of(shiftsCsv());
    ReplicationResult one =
        Simulator.run(
            twoWorkers().roster(Roster.ofRegistry(staffCsv(null), shifts, 0)).build(),
            17,
            0,
            Progress.NONE);
    ReplicationResult two =
        Simulator.run(
            twoWorkers().roster(Roster.ofRegistry(staffCsv("party_contact"), shifts, 0)).build(),
            17,
            0,
            Progress.NONE);

    assertThat(two.value(Metric.MEAN_HOURS_TO_CLOSE))
        .isGreaterThan(one.value(Metric.MEAN_HOURS_TO_CLOSE));
    assertThat(two.value(Metric.WORKER_UTILISATION))
        .isGreaterThan(one.value(Metric.WORKER_UTILISATION) * 1.5);
  }

  @Test
  void aGridWithoutAWorkerInTheRegistryIsRefusedNamingTheGrid() {
    long first = TestScenarios.SMALL_CITY.regionsAt(RegionLevel.GRID).get(0).code();
    long second = TestScenarios.SMALL_CITY.regionsAt(RegionLevel.GRID).get(1).code();
    String one = "person,role,region,valid_from\np1,grid_worker," + first + ",2020-01-01\n";
    Scenario s = twoWorkers().roster(Roster.ofRegistry(one, Optional.empty(), 0)).build();

    assertThatThrownBy(() -> Simulator.run(s, 1, 0, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid " + second)
        .hasMessageContaining("nobody in a grid-worker role");
  }

  @Test
  void theSectionReadsARegistryFromFilesAndWritesItBackInline() throws IOException {
    Files.writeString(dir.resolve("staff.csv"), staffCsv(null));
    Files.writeString(dir.resolve("shifts.csv"), shiftsCsv());
    Scenario s =
        read(
            REST + "roster: {staff-file: staff.csv, shifts-file: shifts.csv, absence-rate: 0.1}\n");
    assertThat(s.roster())
        .contains(Roster.ofRegistry(staffCsv(null), Optional.of(shiftsCsv()), 0.1));
    assertThat(read(ScenarioFiles.toYaml(s)).roster()).isEqualTo(s.roster());

    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, REST + "roster: {staff-file: nowhere.csv}\n");
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(f));
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::field).containsExactly("roster.staff-file");
    assertThat(e.problems().get(0).reason()).contains("no such file");
  }

  private Scenario read(String yaml) throws IOException {
    Path f = dir.resolve("r.yaml");
    Files.writeString(f, yaml);
    return ScenarioFiles.read(f);
  }

  private static final String REST = "extends: putian\nname: r\n";

  @Test
  void theSectionReadsRefusesWithPositionsAndWritesBack() throws IOException {
    Scenario s =
        read(
            REST
                + "roster:\n  shifts:\n    day: [\"working-days 09:00-17:30\"]\n"
                + "    night: [\"every-day 17:30-09:00\"]\n  absence-rate: 0.05\n");
    assertThat(s.roster()).contains(Roster.of(List.of(DAY, NIGHT), 0.05));
    assertThat(read(REST).roster()).isEmpty();
    assertThat(read(REST + "roster: none\n").roster()).isEmpty();

    Scenario back = read(ScenarioFiles.toYaml(s));
    assertThat(back.roster()).isEqualTo(s.roster());

    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        REST
            + "roster:\n  shifts:\n    day: [\"weekdays 09:00-17:30\"]\n"
            + "    night: [\"every-day 25:00-09:00\"]\n  absence-rate: 1\n");
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(f));
    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "roster.absence-rate", "roster.shifts.day[0]", "roster.shifts.night[0]");
    assertThat(e.problems()).extracting(Problem::line).contains(5, 6, 7);
    assertThat(e.getMessage()).contains("working-days, rest-days or every-day").contains("25:00");
  }
}
