package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridgov.InputLimits;

/**
 * Reads scenarios from YAML or JSON files (by extension: {@code .yaml}/{@code .yml} or {@code
 * .json}), and writes them as YAML.
 *
 * <p>Keys are the {@link Scenario} attributes in kebab case; {@code extends: putian} starts from a
 * {@linkplain BuiltInScenarios built-in scenario} and overrides what the file sets. Every mistake
 * (an unknown key, a value of the wrong type or out of range, a missing required key, a referenced
 * file that is missing, a policy that does not parse) is reported at once with the file, the line
 * and column, and the key. The format is documented in {@code docs/simulation-cli.md}.
 *
 * <pre>{@code
 * Scenario s = ScenarioFiles.read(Path.of("examples/scenarios/putian-week.yaml"));
 * }</pre>
 */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /**
   * Reads a scenario file. Relative paths in it ({@code city: {csv: ...}}, {@code {file: ...}}
   * policies) are relative to the file's directory.
   *
   * @param file the file
   * @return the scenario
   * @throws org.gridgov.TextParseException listing every problem with its position
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Scenario read(Path file) {
    return ScenarioFileReader.read(file, BuiltInScenarios::named);
  }

  /**
   * Reads a scenario file within limits. The scenario file and each policy file it names must be a
   * regular file of at most {@link InputLimits#maxChars()} characters, maps and lists nest at most
   * {@link InputLimits#maxNesting()} deep, and the policies are read with the same limits. {@link
   * #read(Path)} uses {@link InputLimits#defaults()}.
   *
   * @param file the file
   * @param limits the limits
   * @return the scenario
   * @throws org.gridgov.TextParseException listing every problem with its position, or the limit
   *     exceeded
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Scenario read(Path file, InputLimits limits) {
    return ScenarioFileReader.read(file, BuiltInScenarios::named, limits);
  }

  /**
   * Reads a scenario file with another source of {@code extends:} bases (tests, embedders with
   * their own scenarios).
   *
   * @param file the file
   * @param builtIns returns the scenario of a name, or empty
   * @return the scenario
   * @throws org.gridgov.TextParseException listing every problem with its position
   */
  static Scenario read(Path file, Function<String, Optional<Scenario>> builtIns) {
    return ScenarioFileReader.read(file, builtIns);
  }

  /**
   * Parses a duration as scenario files write it: {@code 7d}, {@code 12h}, {@code 90m}, {@code
   * 30s}, {@code 2w}, combinations such as {@code 1d12h}, or ISO-8601 ({@code P7D}, {@code PT12H}).
   *
   * @param text the text
   * @return the duration
   * @throws IllegalArgumentException naming the text and the accepted forms if it is neither
   */
  public static java.time.Duration parseDuration(String text) {
    java.time.Duration d = ScenarioFileReader.parseDuration(text);
    if (d == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "bad duration '%s'; expected e.g. 7d, 12h, 90m, 1w2d or ISO-8601 P7D, PT12H",
              text));
    }
    return d;
  }

  /**
   * Writes a scenario as a YAML scenario file: every attribute, policies inline. {@link #read} of
   * the text (saved as {@code .yaml}) returns an equal scenario; a {@link CitySpec.CsvFile} path is
   * written as it is held.
   *
   * @param scenario the scenario
   * @return the YAML text
   * @throws IllegalArgumentException if the city is a {@link CitySpec.OfTree}, which has no text
   *     form
   */
  public static String toYaml(Scenario scenario) {
    StringBuilder y = new StringBuilder();
    periods(y, scenario);
    demand(y, scenario);
    resources(y, scenario);
    mechanisms(y, scenario);
    policies(y, scenario);
    StudySectionsYaml.append(y, scenario);
    return y.toString();
  }

  /** Name, city, grid size and the periods. */
  private static void periods(StringBuilder y, Scenario scenario) {
    y.append("name: ").append(quote(scenario.name())).append('\n');
    y.append("city: ").append(city(scenario.city())).append('\n');
    scenario
        .householdsPerGrid()
        .ifPresent(h -> y.append("households-per-grid: ").append(num(h)).append('\n'));
    y.append("start: ").append(quote(scenario.start().toString())).append('\n');
    y.append("warm-up: ").append(quote(scenario.warmUp().toString())).append('\n');
    y.append("horizon: ").append(quote(scenario.horizon().toString())).append('\n');
    y.append("drain: ").append(quote(scenario.drain().toString())).append('\n');
  }

  /** Arrivals: rate, profiles and categories. */
  private static void demand(StringBuilder y, Scenario scenario) {
    y.append("cases-per-resident-per-year: ")
        .append(num(scenario.casesPerResidentPerYear()))
        .append('\n');
    y.append("hourly-profile: ").append(list(scenario.hourlyProfile())).append('\n');
    y.append("weekday-profile: ").append(list(scenario.weekdayProfile())).append('\n');
    y.append("off-day-factor: ").append(num(scenario.offDayFactor())).append('\n');
    y.append("categories:\n");
    for (CategoryMix c : scenario.categories()) {
      y.append("  - code: ").append(quote(c.categoryCode())).append('\n');
      y.append("    share: ").append(num(c.share())).append('\n');
      y.append("    handling: ").append(quote(c.handling().toString())).append('\n');
      y.append("    solved-by-holder: ").append(num(c.solvedByHolder())).append('\n');
    }
  }

  /** Staffing, work schedule and travel. */
  private static void resources(StringBuilder y, Scenario scenario) {
    Staffing s = scenario.staffing();
    y.append("staffing:\n");
    y.append("  workers-per-grid: ").append(s.workersPerGrid()).append('\n');
    y.append("  community-staff: ").append(s.communityStaff()).append('\n');
    y.append("  street-staff: ").append(s.streetStaff()).append('\n');
    y.append("  district-staff: ").append(s.districtStaff()).append('\n');
    y.append("  city-staff: ").append(s.cityStaff()).append('\n');
    y.append("  department-default: ").append(s.departmentDefault()).append('\n');
    if (!s.departments().isEmpty()) {
      y.append("  departments:\n");
      for (Map.Entry<String, Integer> e : s.departments().entrySet()) {
        y.append("    ").append(quote(e.getKey())).append(": ").append(e.getValue()).append('\n');
      }
    }
    y.append("work-schedule: ")
        .append(ScenarioFileReader.kebab(scenario.workSchedule().name()))
        .append('\n');
    y.append("travel: {base-minutes: ")
        .append(num(scenario.travel().baseMinutes()))
        .append(", minutes-per-km: ")
        .append(num(scenario.travel().minutesPerKm()))
        .append("}\n");
  }

  /** Patrol, staff, check time and the lifecycle mechanisms (each only when on). */
  private static void mechanisms(StringBuilder y, Scenario scenario) {
    scenario
        .patrol()
        .ifPresent(
            pt ->
                y.append("patrol: {latent-share: ")
                    .append(num(pt.latentShare()))
                    .append(", rounds-per-working-day: ")
                    .append(num(pt.roundsPerWorkingDay()))
                    .append(", households-per-round: ")
                    .append(num(pt.householdsPerRound()))
                    .append(", resident-report-hours: ")
                    .append(num(pt.residentReportHours()))
                    .append("}\n"));
    scenario
        .staff()
        .ifPresent(
            st ->
                y.append("staff: {role-share: ")
                    .append(num(st.roleShare()))
                    .append(", absence-rate: ")
                    .append(num(st.absenceRate()))
                    .append("}\n"));
    scenario.roster().ifPresent(r -> y.append(RosterSectionReader.yaml(r)));
    y.append("check-time: ").append(quote(scenario.checkTime().toString())).append('\n');
    if (!scenario.mechanisms().equals(Mechanisms.OFF)
        || scenario.summons().isPresent()
        || scenario.supervision().isPresent()
        || scenario.handover()) {
      String flow = MechanismsReader.flow(scenario.mechanisms());
      y.append("mechanisms: ")
          .append(flow, 0, flow.length() - 1)
          .append(SummonsReader.flow(scenario.summons()))
          .append(SupervisionReader.flow(scenario.supervision(), scenario.handover()))
          .append("}\n");
    }
  }

  /** Calendar, routing and SLA policies and the policy variants. */
  private static void policies(StringBuilder y, Scenario scenario) {
    y.append("calendar: ")
        .append(ScenarioFileReader.kebab(scenario.calendar().name()))
        .append('\n');
    scenario
        .routingPolicy()
        .ifPresent(p -> y.append("routing-policy: ").append(block(p, "  ")).append('\n'));
    scenario
        .slaPolicy()
        .ifPresent(p -> y.append("sla-policy: ").append(block(p, "  ")).append('\n'));
    if (!scenario.policyVariants().isEmpty()) {
      y.append("policy-variants:\n");
      for (Map.Entry<String, String> e : scenario.policyVariants().entrySet()) {
        y.append("  ")
            .append(quote(e.getKey()))
            .append(": ")
            .append(block(e.getValue(), "    "))
            .append('\n');
      }
    }
  }

  private static String city(CitySpec city) {
    if (city instanceof CitySpec.Putian p) {
      return p.generatorSeed() == 1
          ? "putian"
          : "{putian: {generator-seed: " + p.generatorSeed() + "}}";
    } else if (city instanceof CitySpec.CsvFile f) {
      return "{csv: " + quote(f.path().toString()) + "}";
    } else if (city instanceof CitySpec.SingleGrid g) {
      return "{single-grid: {residents: " + g.residents() + "}}";
    }
    throw new IllegalArgumentException("a city built in code (CitySpec.OfTree) has no text form");
  }

  private static String list(ImmutableList<Double> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(num(values.get(i)));
    }
    return b.append(']').toString();
  }

  /** A number that reads back as the same double. */
  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A double-quoted YAML (and JSON) string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * A literal block scalar ({@code |2-}, {@code |2} or {@code |2+} by the trailing newlines) when
   * the text is plain lines, else a quoted string: both read back as exactly {@code text}.
   */
  private static String block(String text, String indent) {
    boolean plain =
        !text.isEmpty()
            && text.indexOf('\r') < 0
            && text.indexOf('\t') < 0
            && !text.startsWith("\n");
    if (plain) {
      for (String line : text.split("\n", -1)) {
        if (!line.equals(line.stripTrailing()) || line.chars().anyMatch(ch -> ch < 0x20)) {
          plain = false;
          break;
        }
      }
    }
    if (!plain) {
      return quote(text);
    }
    String body = text;
    int trailing = 0;
    while (body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1);
      trailing++;
    }
    if (body.isEmpty()) {
      return quote(text);
    }
    String chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
    StringBuilder b = new StringBuilder("|2").append(chomp);
    for (String line : body.split("\n", -1)) {
      b.append('\n');
      if (!line.isEmpty()) {
        b.append(indent).append(line);
      }
    }
    for (int i = 1; i < trailing; i++) {
      b.append('\n');
    }
    return b.toString();
  }
}
