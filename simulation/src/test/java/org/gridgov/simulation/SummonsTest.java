package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.TextParseException;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summoned departments travel and arrive on site (吹哨报到, issue #22): the arrivals are recorded
 * through the engine's {@code Summon}/{@code Arrive} commands, a late department's summons clock
 * breaches in the engine, faster travel gives a higher share on site in time, and a scenario whose
 * policy summons nobody gives the base model's numbers.
 */
class SummonsTest {
  private static final long SEED = 9;

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  /** One replication's files and result. */
  private record Run(List<CaseFile> files, ReplicationResult result) {
    double value(Metric m) {
      return result.value(m);
    }
  }

  /**
   * Unauthorised structures (0101) only, never solved by the grid: every case is returned and
   * dispatched to urban management with housing and police assisting (the example policy).
   */
  private static Scenario.Builder structures() {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("structures")
        .city(new CitySpec.OfTree(TestScenarios.SMALL_CITY))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(2))
        .drain(Duration.ofDays(14))
        .casesPerResidentPerYear(0.6)
        .addCategories(new CategoryMix("0101", 1, Distribution.lognormal(60, 30), 0))
        .staffing(putian.staffing())
        .travel(putian.travel());
  }

  private static Run run(Scenario s) {
    List<CaseFile> files = new ArrayList<>();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    ReplicationResult r = Replication.run(p, SEED, 0, "", Progress.NONE, files::add);
    for (CaseFile f : files) {
      assertThat(CaseLifecycle.replay(f.facts().id(), f.events()))
          .as("the log of %s replays", f.facts().id())
          .isEqualTo(f.state());
    }
    return new Run(files, r);
  }

  private static Run withTravel(Distribution d) {
    return run(structures().summons(Summons.defaults().withTravel(d)).build());
  }

  /** Minutes from each department's summons to its arrival, from the case logs. */
  private static List<Double> arrivalMinutes(List<CaseFile> files) {
    List<Double> out = new ArrayList<>();
    for (CaseFile f : files) {
      Map<String, Instant> summoned = new HashMap<>();
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.Summoned s) {
          s.departmentIds().forEach(d -> summoned.put(d, e.at()));
        } else if (e.payload() instanceof EventPayload.Arrived a) {
          Instant from = summoned.remove(a.departmentId());
          if (from == null) {
            throw new AssertionError("an arrival without its summons in " + f.facts().id());
          }
          out.add(Duration.between(from, e.at()).toMillis() / 60_000.0);
        }
      }
    }
    return out;
  }

  private static long summonsBreaches(List<CaseFile> files) {
    long n = 0;
    for (CaseFile f : files) {
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.SlaBreached b
            && b.clockId().startsWith("summon:")) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void assistingDepartmentsAreSummonedAndArriveAfterTheirTravelTime() {
    Run r = withTravel(Distribution.fixed(10));

    long assisted = 0;
    for (CaseFile f : r.files()) {
      List<String> assists = new ArrayList<>();
      List<String> summoned = new ArrayList<>();
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.Dispatched d && d.role() == HandlerRole.ASSIST) {
          assists.add(d.handlerId());
        } else if (e.payload() instanceof EventPayload.Summoned s) {
          summoned.addAll(s.departmentIds());
          assertThat(s.within()).isEqualTo(Duration.ofMinutes(30));
        }
      }
      assertThat(summoned).as("every assisting department is summoned").isEqualTo(assists);
      assisted += assists.isEmpty() ? 0 : 1;
    }
    assertThat(assisted).isGreaterThan(50);
    List<Double> minutes = arrivalMinutes(r.files());
    assertThat(minutes).hasSizeGreaterThan(100).allSatisfy(m -> assertThat(m).isEqualTo(10.0));
    assertThat(summonsBreaches(r.files())).as("nobody is late").isZero();
    assertThat(r.value(Metric.SUMMONS_ON_TIME_SHARE)).isEqualTo(1.0);
    assertThat(r.value(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES)).isEqualTo(10.0);
  }

  @Test
  void aDepartmentLaterThanTheLimitBreachesItsSummonsClockInTheEngine() {
    Run r = withTravel(Distribution.fixed(45));

    assertThat(summonsBreaches(r.files())).isGreaterThan(50);
    for (CaseFile f : r.files()) {
      Map<String, Instant> summoned = new HashMap<>();
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.Summoned s) {
          s.departmentIds().forEach(d -> summoned.put(d, e.at()));
        } else if (e.payload() instanceof EventPayload.SlaBreached b
            && b.clockId().startsWith("summon:")) {
          Instant from =
              Objects.requireNonNull(summoned.get(b.clockId().substring("summon:".length())));
          assertThat(Duration.between(from, e.at()))
              .as("the breach comes at the 30-minute limit")
              .isEqualTo(Duration.ofMinutes(30));
        }
      }
    }
    assertThat(arrivalMinutes(r.files())).allSatisfy(m -> assertThat(m).isEqualTo(45.0));
    assertThat(r.value(Metric.SUMMONS_ON_TIME_SHARE)).isEqualTo(0.0);
    assertThat(r.value(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES)).isEqualTo(45.0);
  }

  @Test
  void fasterTravelGivesAHigherShareOnSiteInTimeAndAShorterMeanArrival() {
    Run slow = withTravel(Distribution.lognormal(40, 20));
    Run fast = withTravel(Distribution.lognormal(20, 10));

    double slowShare = slow.value(Metric.SUMMONS_ON_TIME_SHARE);
    double fastShare = fast.value(Metric.SUMMONS_ON_TIME_SHARE);
    assertThat(slowShare).isBetween(0.05, 0.6);
    assertThat(fastShare).isGreaterThan(slowShare + 0.2);
    assertThat(fast.value(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES))
        .isLessThan(slow.value(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES));
    assertThat(summonsBreaches(fast.files())).isLessThan(summonsBreaches(slow.files()));
  }

  @Test
  void travelFromAreasIsSlowerAtALowerSpeed() {
    Summons areas = Summons.defaults().withTravelFromAreas(25, 1);
    Run slow = run(structures().summons(areas).build());
    Run fast = run(structures().summons(areas.withTravelFromAreas(25, 60)).build());

    assertThat(fast.value(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES))
        .isGreaterThanOrEqualTo(25)
        .isLessThan(slow.value(Metric.MEAN_SUMMONS_ARRIVAL_MINUTES));
    assertThat(fast.value(Metric.SUMMONS_ON_TIME_SHARE))
        .isGreaterThan(slow.value(Metric.SUMMONS_ON_TIME_SHARE));
  }

  @Test
  void summonsOfAPolicyThatSummonsNobodyLeaveTheBaseModelsNumbers() {
    Scenario base = TestScenarios.small().build();
    Summons policyOnly =
        new Summons(false, 30, java.util.Optional.of(Distribution.fixed(10)), 5, 30);
    ReplicationResult off = Simulator.run(base, 11, 0, Progress.NONE);
    ReplicationResult on =
        Simulator.run(TestScenarios.small().summons(policyOnly).build(), 11, 0, Progress.NONE);

    for (Metric m : Metric.values()) {
      assertThat(Double.doubleToLongBits(on.value(m)))
          .as(m.id())
          .isEqualTo(Double.doubleToLongBits(off.value(m)));
    }
    assertThat(on.engineEvents()).isEqualTo(off.engineEvents());
    assertThat(off.value(Metric.SUMMONS_ON_TIME_SHARE)).isNaN();
  }

  @Test
  void theMechanismsSectionSwitchesSummonsOnAndWritesThemBack() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        "extends: putian\nname: m\nmechanisms: {summons: assisting, summon-within-minutes: 20,"
            + " summon-travel: \"exponential(15)\"}\n");
    Scenario s = ScenarioFiles.read(f);
    assertThat(s.summons())
        .contains(
            new Summons(true, 20, java.util.Optional.of(Distribution.exponential(15)), 5, 30));
    assertThat(s.mechanisms()).isEqualTo(Mechanisms.OFF);

    Path back = dir.resolve("back.yaml");
    Files.writeString(back, ScenarioFiles.toYaml(s));
    assertThat(ScenarioFiles.read(back).summons()).isEqualTo(s.summons());

    Files.writeString(
        f, "extends: putian\nname: m\nmechanisms: {summons: policy, summon-travel: areas}\n");
    assertThat(ScenarioFiles.read(f).summons())
        .contains(new Summons(false, 30, java.util.Optional.empty(), 5, 30));
    assertThat(ScenarioFiles.read(dir.resolve("back.yaml")).summons()).isPresent();
    assertThat(ScenarioFiles.toYaml(BuiltInScenarios.putian())).doesNotContain("summon");
  }

  @Test
  void badSummonsKeysAreRefusedWithTheirPath() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {summons: sometimes}\n");
    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.summons")
        .hasMessageContaining("off, policy or assisting");

    Files.writeString(
        f, "extends: putian\nname: m\nmechanisms: {summons: assisting, summon-travel: slow}\n");
    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.summon-travel");

    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {summon-speed-kmh: 40}\n");
    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("mechanisms.summon-speed-kmh")
        .hasMessageContaining("summons is off");

    Files.writeString(f, "extends: putian\nname: m\nmechanisms: {sumon-travel: areas}\n");
    assertThatThrownBy(() -> ScenarioFiles.read(f))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("summon-travel");
  }
}
