package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.TextParseException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario files: every attribute in YAML and JSON, every kind of mistake with its position, and
 * round trips.
 */
class ScenarioFilesTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  static final String SLA = "handle * * * working-days 5 same-clock-time\n";

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(java.util.Objects.requireNonNull(p.getParent()));
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  static String examplePolicy() throws IOException {
    try (InputStream in =
        ScenarioFilesTest.class.getResourceAsStream(
            "/org/gridgov/routing/table/putian-policy.csv")) {
      return new String(
          java.util.Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final String FULL_YAML =
      """
      name: full
      city: putian
      households-per-grid: 250
      start: 2025-03-03T08:00
      warm-up: 3d
      horizon: 2w
      drain: P10D
      cases-per-resident-per-year: 1.5
      hourly-profile: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 0]
      weekday-profile: [1, 1, 1, 1, 1.2, 0.5, 0.5]
      off-day-factor: 0.4
      categories:
        - code: "0101"
          share: 3
          handling: lognormal(60, 30)
          solved-by-holder: 0.9
        - {code: '0201', share: 1, handling: 'exponential(45)'}
      staffing:
        workers-per-grid: 2
        community-staff: 3
        street-staff: 5
        district-staff: 9
        city-staff: 11
        department-default: 15
        departments: {dept:water: 4}
      work-schedule: always
      travel: {base-minutes: 5, minutes-per-km: 12.5}
      check-time: fixed(20)
      calendar: always-open
      routing-policy: {file: policies/routing.csv}
      sla-policy: {file: policies/sla.txt}
      policy-variants:
        same: {file: policies/routing.csv}
      """;

  private static final String FULL_JSON =
      """
      {
        "name": "full",
        "city": "putian",
        "households-per-grid": 250,
        "start": "2025-03-03T08:00",
        "warm-up": "3d",
        "horizon": "2w",
        "drain": "P10D",
        "cases-per-resident-per-year": 1.5,
        "hourly-profile": [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 0],
        "weekday-profile": [1, 1, 1, 1, 1.2, 0.5, 0.5],
        "off-day-factor": 0.4,
        "categories": [
          {"code": "0101", "share": 3, "handling": "lognormal(60, 30)", "solved-by-holder": 0.9},
          {"code": "0201", "share": 1, "handling": "exponential(45)"}
        ],
        "staffing": {"workers-per-grid": 2, "community-staff": 3, "street-staff": 5, "district-staff": 9,
          "city-staff": 11, "department-default": 15, "departments": {"dept:water": 4}},
        "work-schedule": "always",
        "travel": {"base-minutes": 5, "minutes-per-km": 12.5},
        "check-time": "fixed(20)",
        "calendar": "always-open",
        "routing-policy": {"file": "policies/routing.csv"},
        "sla-policy": {"file": "policies/sla.txt"},
        "policy-variants": {"same": {"file": "policies/routing.csv"}}
      }
      """;

  private void writePolicies() throws IOException {
    var unused = write("policies/routing.csv", examplePolicy());
    var unused2 = write("policies/sla.txt", SLA);
  }

  @Test
  void readsEveryAttributeFromYaml() throws IOException {
    writePolicies();
    Scenario s = ScenarioFiles.read(write("full.yaml", FULL_YAML));

    assertThat(s.name()).isEqualTo("full");
    assertThat(s.city()).isEqualTo(new CitySpec.Putian(1));
    assertThat(s.householdsPerGrid()).hasValue(250);
    assertThat(s.start()).isEqualTo(LocalDateTime.of(2025, 3, 3, 8, 0));
    assertThat(s.warmUp()).isEqualTo(Duration.ofDays(3));
    assertThat(s.horizon()).isEqualTo(Duration.ofDays(14));
    assertThat(s.drain()).isEqualTo(Duration.ofDays(10));
    assertThat(s.casesPerResidentPerYear()).isEqualTo(1.5);
    assertThat(s.hourlyProfile()).hasSize(24).startsWith(1.0).endsWith(1.0, 0.0);
    assertThat(s.weekdayProfile()).containsExactly(1.0, 1.0, 1.0, 1.0, 1.2, 0.5, 0.5);
    assertThat(s.offDayFactor()).isEqualTo(0.4);
    assertThat(s.categories())
        .containsExactly(
            new CategoryMix("0101", 3, Distribution.lognormal(60, 30), 0.9),
            new CategoryMix("0201", 1, Distribution.exponential(45), 1.0));
    assertThat(s.staffing())
        .isEqualTo(new Staffing(2, 3, 5, 9, 11, 15, ImmutableSortedMap.of("dept:water", 4)));
    assertThat(s.workSchedule()).isEqualTo(WorkSchedule.ALWAYS);
    assertThat(s.travel()).isEqualTo(new Travel(5, 12.5));
    assertThat(s.checkTime()).isEqualTo(Distribution.fixed(20));
    assertThat(s.calendar()).isEqualTo(CalendarChoice.ALWAYS_OPEN);
    assertThat(s.routingPolicy()).hasValue(examplePolicy());
    assertThat(s.slaPolicy()).hasValue(SLA);
    assertThat(s.policyVariants()).containsExactly(java.util.Map.entry("same", examplePolicy()));
  }

  @Test
  void jsonTwinReadsTheSameScenario() throws IOException {
    writePolicies();
    assertThat(ScenarioFiles.read(write("full.json", FULL_JSON)))
        .isEqualTo(ScenarioFiles.read(write("full.yaml", FULL_YAML)));
  }

  @Test
  void leavesUnsetAttributesAtTheirDefaults() throws IOException {
    Scenario s =
        ScenarioFiles.read(
            write(
                "min.yml",
                """
        name: minimal
        city: {single-grid: {residents: 500}}
        categories:
          - {code: "01", share: 1, handling: "fixed(10)"}
        """));
    Scenario expected =
        Scenario.builder()
            .name("minimal")
            .city(new CitySpec.SingleGrid(500))
            .addCategories(new CategoryMix("01", 1, Distribution.fixed(10), 1))
            .build();
    assertThat(s).isEqualTo(expected);
  }

  @Test
  void inlinePoliciesAndCsvCityAreAccepted() throws IOException {
    var unused = write("tree.csv", "code,parent,level,name\n");
    Scenario s =
        ScenarioFiles.read(
            write(
                "inline.yaml",
                """
        name: inline
        city: {csv: tree.csv}
        categories: [{code: "01", share: 1, handling: "fixed(10)"}]
        sla-policy: |
          handle * * * working-days 5 same-clock-time
        """));
    assertThat(s.city())
        .isEqualTo(new CitySpec.CsvFile(dir.resolve("tree.csv").toAbsolutePath().normalize()));
    assertThat(s.slaPolicy()).hasValue(SLA);
  }

  @Test
  void extendsStartsFromTheBuiltInAndOverridesOnlyWhatTheFileSets() throws IOException {
    Scenario base =
        Scenario.builder()
            .name("base")
            .city(new CitySpec.Putian(1))
            .householdsPerGrid(300)
            .horizon(Duration.ofDays(90))
            .staffing(new Staffing(1, 2, 4, 8, 8, 20, ImmutableSortedMap.of("dept:a", 3)))
            .addCategories(new CategoryMix("01", 1, Distribution.fixed(10), 1))
            .slaPolicy(SLA)
            .build();
    Path file =
        write(
            "ext.yaml",
            """
        extends: putian
        name: coarser
        households-per-grid: 800
        staffing: {workers-per-grid: 2, departments: {dept:b: 7}}
        """);
    Scenario s =
        ScenarioFiles.read(
            file, name -> name.equals("putian") ? Optional.of(base) : Optional.empty());

    assertThat(s.name()).isEqualTo("coarser");
    assertThat(s.householdsPerGrid()).hasValue(800);
    assertThat(s.horizon()).isEqualTo(Duration.ofDays(90));
    assertThat(s.categories()).isEqualTo(base.categories());
    assertThat(s.slaPolicy()).isEqualTo(base.slaPolicy());
    assertThat(s.staffing())
        .isEqualTo(
            new Staffing(2, 2, 4, 8, 8, 20, ImmutableSortedMap.of("dept:a", 3, "dept:b", 7)));
  }

  // --- mistakes
  // ------------------------------------------------------------------------------------------------

  private List<Problem> problems(String name, String text) throws IOException {
    Path file = write(name, text);
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(file));
    assertThat(e).as("expected problems in %s", name).isNotNull();
    return e.problems();
  }

  private static final String OK_REST =
      """
      city: putian
      categories: [{code: "01", share: 1, handling: "fixed(10)"}]
      """;

  @Test
  void unknownKeyIsReportedWithPositionAndTheNearestKnownKey() throws IOException {
    List<Problem> ps = problems("s.yaml", "name: x\nhorizn: 28d\n" + OK_REST);
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).endsWith("s.yaml");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(1);
              assertThat(p.field()).isEqualTo("horizn");
              assertThat(p.reason()).isEqualTo("unknown key; did you mean 'horizon'?");
            });
    List<Problem> far = problems("f.yaml", "name: x\ncolour: blue\n" + OK_REST);
    assertThat(far)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.reason())
                    .startsWith("unknown key; known keys: name, extends, city,")
                    .endsWith("sla-policy, policy-variants, mechanisms, experiment, calibration"));
  }

  @Test
  void unknownNestedKeyNamesItsPath() throws IOException {
    List<Problem> ps = problems("s.yaml", "name: x\nstaffing:\n  workers: 2\n" + OK_REST);
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.column()).isEqualTo(3);
              assertThat(p.field()).isEqualTo("staffing.workers");
              assertThat(p.reason()).contains("did you mean 'staffing.workers-per-grid'?");
            });
  }

  @Test
  void wrongTypeNamesExpectedAndFound() throws IOException {
    List<Problem> ps = problems("s.yaml", "name: x\nhouseholds-per-grid: many\n" + OK_REST);
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(22);
              assertThat(p.field()).isEqualTo("households-per-grid");
              assertThat(p.value()).isEqualTo("many");
              assertThat(p.reason()).isEqualTo("expected a number but found a string");
            });
  }

  @Test
  void outOfRangeValuesAreReported() throws IOException {
    List<Problem> ps =
        problems(
            "s.yaml", "name: x\noff-day-factor: -1\nstaffing: {workers-per-grid: 0}\n" + OK_REST);
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("off-day-factor");
              assertThat(p.reason()).contains(">= 0");
            });
    assertThat(ps.get(1))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.field()).isEqualTo("staffing.workers-per-grid");
              assertThat(p.reason()).contains(">= 1");
            });
  }

  @Test
  void badDistributionAndBadDurationAreReportedWithTheText() throws IOException {
    List<Problem> ps =
        problems(
            "s.yaml",
            """
        name: x
        warm-up: 7 days
        city: putian
        categories:
          - {code: "01", share: 1, handling: "gamma(3)"}
        """);
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("warm-up");
              assertThat(p.value()).isEqualTo("7 days");
              assertThat(p.reason()).contains("not a duration");
            });
    assertThat(ps.get(1))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.field()).isEqualTo("categories[1].handling");
              assertThat(p.reason()).contains("unknown distribution 'gamma'");
            });
  }

  @Test
  void missingRequiredKeysAreEachReported() throws IOException {
    List<Problem> ps = problems("s.yaml", "name: x\nhorizon: 28d\n");
    assertThat(ps).extracting(Problem::field).containsExactlyInAnyOrder("city", "categories");
    assertThat(ps).allSatisfy(p -> assertThat(p.reason()).startsWith("missing required key"));
    List<Problem> inCategory =
        problems("c.yaml", "name: x\ncity: putian\ncategories:\n  - {code: '01', share: 1}\n");
    assertThat(inCategory)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("categories[1].handling");
              assertThat(p.line()).isEqualTo(4);
            });
  }

  /** Once a bare NullPointerException; now a problem with its position, like any missing key. */
  @Test
  void extendsWithoutNameIsRefusedWithItsPosition() throws IOException {
    List<Problem> ps = problems("ext.yaml", "extends: putian\nhorizon: 28d\n");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("name");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.reason()).contains("missing required key 'name'");
            });
  }

  @Test
  void missingReferencedFilesAreReported() throws IOException {
    List<Problem> ps =
        problems(
            "s.yaml",
            """
        name: x
        routing-policy: {file: nope.csv}
        city: {csv: no-tree.csv}
        categories: [{code: '01', share: 1, handling: 'fixed(1)'}]
        """);
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("routing-policy.file");
              assertThat(p.value()).isEqualTo("nope.csv");
              assertThat(p.reason()).contains("no such file").contains("nope.csv");
            });
    assertThat(ps.get(1).field()).isEqualTo("city.csv");
  }

  @Test
  void policyThatDoesNotParseIsReportedWithItsOwnLines() throws IOException {
    var unused =
        write(
            "bad-sla.txt",
            "handle * * * working-days 5 same-clock-time\nhandle * * * fortnights 2\n");
    List<Problem> ps = problems("s.yaml", "name: x\nsla-policy: {file: bad-sla.txt}\n" + OK_REST);
    assertThat(ps.get(0))
        .satisfies(
            p -> {
              assertThat(p.source()).endsWith("s.yaml");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("sla-policy");
              assertThat(p.reason()).contains("does not parse");
            });
    assertThat(ps.subList(1, ps.size()))
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.source()).endsWith("bad-sla.txt");
              assertThat(p.line()).isEqualTo(2);
            });
  }

  @Test
  void everyProblemIsReportedAtOnceInLineOrder() throws IOException {
    List<Problem> ps =
        problems(
            "s.yaml",
            """
        name: x
        city: putian
        calendar: chinese
        categories:
          - {code: "01", share: 0, handling: "fixed(1)"}
        travel: far
        colour: blue
        """);
    assertThat(ps).extracting(Problem::line).containsExactly(3, 5, 6, 7);
    assertThat(ps.get(0).reason()).contains("did you mean 'china'?");
    TextParseException e =
        catchThrowableOfType(
            TextParseException.class, () -> ScenarioFiles.read(dir.resolve("s.yaml")));
    assertThat(e.getMessage()).contains("4 problems").contains("s.yaml:3:").contains("(calendar)");
  }

  @Test
  void syntaxErrorsAndDuplicatesHavePositions() throws IOException {
    List<Problem> syntax = problems("s.yaml", "name: x\ncity: [putian\n");
    assertThat(syntax)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isGreaterThanOrEqualTo(2);
              assertThat(p.reason()).startsWith("not valid YAML");
            });
    List<Problem> dup = problems("d.yaml", "name: x\nname: y\n" + OK_REST);
    assertThat(dup)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.reason()).contains("duplicate key (first at line 1)");
            });
  }

  @Test
  void unknownBuiltInAndWrongExtensionAreReported() throws IOException {
    List<Problem> ps = problems("s.yaml", "extends: shanghai\nname: x\n");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("extends");
              assertThat(p.reason()).contains("no built-in scenario");
            });
    Path txt = write("s.txt", "name: x\n");
    assertThatThrownBy(() -> ScenarioFiles.read(txt))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining(".yaml, .yml or .json");
    assertThatThrownBy(() -> ScenarioFiles.read(dir.resolve("absent.yaml")))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void jsonMistakesHavePositionsToo() throws IOException {
    List<Problem> ps =
        problems(
            "s.json",
            """
        {
          "name": "x",
          "city": "putian",
          "horizon": 28,
          "categories": [{"code": "01", "share": "1", "handling": "fixed(1)"}],
          "staffing": {"workers-per-grid": 1, "cty-staff": 2}
        }
        """);
    assertThat(ps).hasSize(3);
    assertThat(ps.get(0))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.column()).isEqualTo(14);
              assertThat(p.field()).isEqualTo("horizon");
              assertThat(p.reason()).contains("needs a unit");
            });
    assertThat(ps.get(1))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.field()).isEqualTo("categories[1].share");
              assertThat(p.reason()).isEqualTo("expected a number but found a string");
            });
    assertThat(ps.get(2))
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.field()).isEqualTo("staffing.cty-staff");
              assertThat(p.reason()).contains("did you mean 'staffing.city-staff'?");
            });
    List<Problem> syntax = problems("t.json", "{\"name\": \"x\",\n \"city\" \"putian\"}");
    assertThat(syntax)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.reason()).startsWith("not valid JSON");
            });
  }

  @Test
  void householdsPerGridNeedsAGeneratedCity() throws IOException {
    List<Problem> ps =
        problems(
            "s.yaml",
            """
        name: x
        city: {single-grid: {residents: 10}}
        households-per-grid: 300
        categories: [{code: "01", share: 1, handling: "fixed(10)"}]
        """);
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.reason()).contains("city: putian");
            });
  }

  // --- durations and round trips
  // -------------------------------------------------------------------------------

  @Test
  void durationsInShortAndIsoForms() {
    assertThat(ScenarioFiles.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(ScenarioFiles.parseDuration("1w2d")).isEqualTo(Duration.ofDays(9));
    assertThat(ScenarioFiles.parseDuration("1d12h")).isEqualTo(Duration.ofHours(36));
    assertThat(ScenarioFiles.parseDuration("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(ScenarioFiles.parseDuration("45min")).isEqualTo(Duration.ofMinutes(45));
    assertThat(ScenarioFiles.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(ScenarioFiles.parseDuration("PT12H")).isEqualTo(Duration.ofHours(12));
    for (String bad : List.of("", "7", "7 days", "d", "P", "1y", "-7d")) {
      assertThatThrownBy(() -> ScenarioFiles.parseDuration(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void everyAttributeRoundTripsThroughYaml() throws IOException {
    Scenario s =
        Scenario.builder()
            .name("round \"trip\": all, attributes")
            .city(new CitySpec.Putian(7))
            .householdsPerGrid(123.5)
            .start(LocalDateTime.of(2024, 2, 29, 13, 30))
            .warmUp(Duration.ofHours(30))
            .horizon(Duration.ofMinutes(100_000))
            .drain(Duration.ZERO)
            .casesPerResidentPerYear(0.123456789)
            .hourlyProfile(
                ImmutableList.copyOf(IntStream.range(0, 24).mapToObj(i -> i * 0.1).toList()))
            .weekdayProfile(ImmutableList.of(1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 0.25))
            .offDayFactor(0)
            .addCategories(
                new CategoryMix("0101", 0.3, Distribution.empirical(1, 2.5, 90), 0.25),
                new CategoryMix("02", 7, Distribution.lognormal(60, 30), 1))
            .staffing(
                new Staffing(
                    3, 4, 5, 6, 7, 8, ImmutableSortedMap.of("dept:water", 2, "party:grid co", 9)))
            .workSchedule(WorkSchedule.ALWAYS)
            .travel(new Travel(0.5, 0))
            .checkTime(Distribution.exponential(12.25))
            .calendar(CalendarChoice.ALWAYS_OPEN)
            .routingPolicy(examplePolicy())
            .slaPolicy(SLA.strip())
            .putPolicyVariants("b", examplePolicy() + "\n\n")
            .putPolicyVariants("a name", examplePolicy())
            .build();
    assertThat(ScenarioFiles.read(write("rt.yaml", ScenarioFiles.toYaml(s)))).isEqualTo(s);
  }

  static Stream<Long> seeds() {
    return new SplittableRandom(20_260_511).longs(25).boxed();
  }

  /**
   * Property: random scenarios (names with any printable text, random numbers and distributions)
   * round-trip.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomScenariosRoundTrip(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    String name = randomText(r);
    Scenario.Builder b = Scenario.builder().name(name.isBlank() ? "n" + name : name);
    CitySpec city =
        switch (r.nextInt(3)) {
          case 0 -> new CitySpec.Putian(r.nextLong());
          case 1 -> new CitySpec.SingleGrid(1 + r.nextInt(1_000_000));
          default ->
              new CitySpec.CsvFile(dir.resolve("c" + r.nextInt(100) + ".csv").toAbsolutePath());
        };
    if (city instanceof CitySpec.CsvFile f) {
      Files.writeString(f.path(), "");
    }
    b.city(city);
    if (city instanceof CitySpec.Putian && r.nextBoolean()) {
      b.householdsPerGrid(1e-3 + r.nextDouble() * 1000);
    }
    b.warmUp(Duration.ofSeconds(r.nextLong(0, 10_000_000)))
        .horizon(Duration.ofSeconds(r.nextLong(1, 10_000_000)))
        .casesPerResidentPerYear(1e-6 + r.nextDouble() * 10)
        .offDayFactor(r.nextDouble() * 3);
    int categories = 1 + r.nextInt(5);
    for (int i = 0; i < categories; i++) {
      Distribution d =
          switch (r.nextInt(4)) {
            case 0 -> Distribution.fixed(r.nextDouble() * 100);
            case 1 -> Distribution.exponential(1e-3 + r.nextDouble() * 100);
            case 2 ->
                Distribution.lognormal(1e-3 + r.nextDouble() * 100, 1e-3 + r.nextDouble() * 50);
            default -> Distribution.empirical(r.doubles(1 + r.nextInt(6), 0, 500).toArray());
          };
      b.addCategories(
          new CategoryMix(
              String.format(Locale.ROOT, "%02d", i), 1e-3 + r.nextDouble(), d, r.nextDouble()));
    }
    b.travel(new Travel(r.nextDouble() * 30, r.nextDouble() * 30))
        .staffing(
            new Staffing(
                1 + r.nextInt(9),
                1 + r.nextInt(9),
                1 + r.nextInt(9),
                1 + r.nextInt(9),
                1 + r.nextInt(9),
                1 + r.nextInt(99),
                ImmutableSortedMap.of(randomText(r) + "x", 1 + r.nextInt(9))));
    if (r.nextBoolean()) {
      b.patrol(
          new Patrol(
              r.nextDouble(),
              1e-3 + r.nextDouble() * 10,
              1e-3 + r.nextDouble() * 500,
              1e-3 + r.nextDouble() * 200));
    }
    Scenario s = b.build();
    assertThat(ScenarioFiles.read(write("r" + seed + ".yaml", ScenarioFiles.toYaml(s))))
        .as("seed %d", seed)
        .isEqualTo(s);
  }

  private static String randomText(SplittableRandom r) {
    String alphabet = "abcXYZ 019:-,'\"\\#&*!{}[]|>%@`网格化治理\t";
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  @Test
  void aCityBuiltInCodeHasNoTextForm() {
    Scenario s =
        Scenario.builder()
            .name("t")
            .city(
                new CitySpec.OfTree(
                    org.gridgov.region.RegionTree.builder(
                            org.gridgov.region.CodeScheme.standard(),
                            java.time.LocalDate.of(2025, 1, 1))
                        .build()))
            .addCategories(new CategoryMix("01", 1, Distribution.fixed(1), 1))
            .build();
    assertThatThrownBy(() -> ScenarioFiles.toYaml(s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OfTree");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void slaPolicyFromDevZero_refusedBeforeMemoryIsSpent() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
    List<Problem> ps = problems("s.yaml", "name: x\nsla-policy: {file: /dev/zero}\n" + OK_REST);
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("sla-policy.file");
              assertThat(p.value()).isEqualTo("/dev/zero");
              assertThat(p.reason()).contains("not a regular file");
            });
  }

  @Test
  void policyFileLongerThanTheLimit_refusedNamingTheLimit() throws IOException {
    var unused = write("big-sla.txt", SLA.repeat(100));
    Path file =
        write(
            "s.yaml",
            "name: x\nrouting-policy: {file: big-sla.txt}\nsla-policy: {file: big-sla.txt}\n"
                + OK_REST);
    InputLimits limits = InputLimits.defaults().withMaxChars(1000);
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(file, limits));
    assertThat(e.problems())
        .hasSize(2)
        .allSatisfy(
            p -> {
              assertThat(p.field()).endsWith("-policy.file");
              assertThat(p.reason()).contains("limit of 1000 characters").contains("maxChars");
            });
    assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 3);
  }

  @Test
  void scenarioFileLongerThanTheLimit_refused() throws IOException {
    Path file = write("s.yaml", "name: x\n" + OK_REST + "#" + "x".repeat(2000) + "\n");
    TextParseException e =
        catchThrowableOfType(
            TextParseException.class,
            () -> ScenarioFiles.read(file, InputLimits.defaults().withMaxChars(1000)));
    assertThat(e.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("limit of 1000"));
  }

  @Test
  void nestingDeeperThanTheLimit_refusedWithPosition() throws IOException {
    String deep = "[".repeat(40) + "]".repeat(40);
    Path file = write("s.json", "{\"name\": \"x\",\n \"categories\": " + deep + "}\n");
    TextParseException e =
        catchThrowableOfType(TextParseException.class, () -> ScenarioFiles.read(file));
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isGreaterThan(16);
              assertThat(p.reason()).contains("32");
            });
  }

  /**
   * The reader does not expand aliases: a "billion laughs" file is a few unknown keys, read at
   * once.
   */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void yamlAliasBomb_isReadWithoutExpanding() throws IOException {
    StringBuilder y = new StringBuilder("name: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        y.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    List<Problem> ps = problems("s.yaml", y.toString());
    assertThat(ps).extracting(Problem::field).contains("a0", "a11");
  }

  @Test
  void byteOrderMarkAtTheStart_accepted() throws IOException {
    Path file = write("s.yaml", "\uFEFFname: bom\n" + OK_REST);
    assertThat(ScenarioFiles.read(file).name()).isEqualTo("bom");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e300", "1.0e9", "1000.5"})
  void hugeCasesPerResident_refusedWithPosition(String rate) throws IOException {
    List<Problem> ps =
        problems("s.yaml", "name: x\ncases-per-resident-per-year: " + rate + "\n" + OK_REST);
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("cases-per-resident-per-year");
              assertThat(p.reason()).contains("<= 1000");
            });
  }

  @Test
  void casesPerResidentAtTheBound_accepted() throws IOException {
    Path file = write("s.yaml", "name: x\ncases-per-resident-per-year: 1000\n" + OK_REST);
    assertThat(ScenarioFiles.read(file).casesPerResidentPerYear()).isEqualTo(1000.0);
  }
}
