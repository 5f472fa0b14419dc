package org.gridgov.simulation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.TextParseException.Problem;
import org.gridgov.internal.Problems;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.simulation.ScenarioTree.Entry;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.ListNode;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Pos;
import org.gridgov.simulation.ScenarioTree.Scalar;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one scenario file, collecting every problem before it builds anything. See {@link
 * ScenarioFiles}.
 */
final class ScenarioFileReader {

  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "name",
          "extends",
          "city",
          "households-per-grid",
          "start",
          "warm-up",
          "horizon",
          "drain",
          "cases-per-resident-per-year",
          "hourly-profile",
          "weekday-profile",
          "off-day-factor",
          "categories",
          "staffing",
          "work-schedule",
          "travel",
          PatrolSectionReader.SECTION,
          StaffSectionReader.SECTION,
          RosterSectionReader.SECTION,
          "check-time",
          "calendar",
          "routing-policy",
          "sla-policy",
          "policy-variants",
          "mechanisms",
          ExperimentSectionReader.SECTION,
          CalibrationSectionReader.SECTION);
  static final ImmutableList<String> CATEGORY_KEYS =
      ImmutableList.of("code", "share", "handling", "solved-by-holder");
  static final ImmutableList<String> STAFFING_KEYS =
      ImmutableList.of(
          "workers-per-grid",
          "community-staff",
          "street-staff",
          "district-staff",
          "city-staff",
          "department-default",
          "departments");
  static final ImmutableList<String> TRAVEL_KEYS =
      ImmutableList.of("base-minutes", "minutes-per-km");
  private static final ImmutableList<String> CITY_FORMS =
      ImmutableList.of("putian", "csv", "single-grid");

  /**
   * The most YAML aliases ({@code *name}) that may expand to collections: keeps "billion laughs"
   * out.
   */
  static final int MAX_YAML_ALIASES = 50;

  /**
   * The most cases per resident per year a scenario may ask for (real cities report well under 10).
   */
  static final double MAX_CASES_PER_RESIDENT_PER_YEAR = Scenario.MAX_CASES_PER_RESIDENT_PER_YEAR;

  private static final Pattern SHORT_DURATION =
      Pattern.compile(
          "(?:(\\d+)w)?\\s*(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)(?:m|min))?\\s*(?:(\\d+)s)?");

  private final String source;
  private final Path directory;
  private final Function<String, Optional<Scenario>> builtIns;
  private final Problems problems;
  private final InputLimits limits;
  private final List<Problem> policyProblems = new ArrayList<>();
  private final StudySectionsReader studies = new StudySectionsReader(this);

  ScenarioFileReader(String source, Path directory, Function<String, Optional<Scenario>> builtIns) {
    this(source, directory, builtIns, InputLimits.defaults());
  }

  ScenarioFileReader(
      String source,
      Path directory,
      Function<String, Optional<Scenario>> builtIns,
      InputLimits limits) {
    this.limits = limits;
    this.source = source;
    this.problems = new Problems(source);
    this.directory = directory;
    this.builtIns = builtIns;
  }

  /** The file formats, by extension. */
  enum Format {
    YAML,
    JSON;

    static Optional<Format> of(Path file) {
      Path name = file.getFileName();
      String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".yaml") || n.endsWith(".yml")) {
        return Optional.of(YAML);
      }
      return n.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
    }
  }

  static Scenario read(Path file, Function<String, Optional<Scenario>> builtIns) {
    return read(file, builtIns, InputLimits.defaults());
  }

  static Scenario read(
      Path file, Function<String, Optional<Scenario>> builtIns, InputLimits limits) {
    String source = file.toString();
    Optional<Format> format = Format.of(file);
    if (format.isEmpty()) {
      throw new TextParseException(
          List.of(
              new Problem(
                  source,
                  0,
                  0,
                  "",
                  "",
                  "a scenario file must end in .yaml, "
                      + ".yml or .json (the extension chooses the format)")));
    }
    String text;
    try {
      text = readBounded(file, limits.maxChars());
    } catch (NoSuchFileException e) {
      throw new TextParseException(List.of(new Problem(source, 0, 0, "", "", "no such file")));
    } catch (MalformedInputException e) {
      throw new TextParseException(List.of(new Problem(source, 0, 0, "", "", "not UTF-8 text")));
    } catch (LimitException e) {
      throw new TextParseException(List.of(new Problem(source, 0, 0, "", "", e.getMessage())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path abs = file.toAbsolutePath().getParent();
    Path dir = abs == null ? Path.of("") : abs;
    return new ScenarioFileReader(source, dir, builtIns, limits)
        .parse(new StringReader(text), format.get());
  }

  /** A file that is not a regular file or is longer than the limit; the message says which. */
  static final class LimitException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }

    @Override
    public String getMessage() {
      return java.util.Objects.requireNonNull(super.getMessage());
    }
  }

  /**
   * Reads a regular file of UTF-8 text of at most {@code maxChars} characters, without a leading
   * byte-order mark; stops reading as soon as it is longer, so that {@code /dev/zero} or a huge
   * file costs no memory.
   */
  static String readBounded(Path file, long maxChars) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new LimitException("not a regular file; a scenario reads only regular files");
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try (Reader r = new InputStreamReader(Files.newInputStream(file), utf8)) {
      for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
        if (sb.length() + (long) n > maxChars) {
          throw new LimitException(
              String.format(
                  Locale.ROOT,
                  "the file is longer than the limit of %d characters (InputLimits.maxChars)",
                  maxChars));
        }
        sb.append(buf, 0, n);
      }
    }
    if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
      sb.deleteCharAt(0);
    }
    return sb.toString();
  }

  Scenario parse(Reader in, Format format) {
    JsonFactory factory = factory(format, limits);
    @Nullable Node root;
    JsonParser open = null;
    try (JsonParser parser = factory.createParser(in)) {
      open = parser;
      root =
          ScenarioTree.read(
              parser,
              (key, at, first) ->
                  add(
                      at,
                      key,
                      key,
                      "duplicate key (first at line %d); write each key once",
                      first.line()));
      if (root != null && parser.nextToken() != null) {
        add(
            ScenarioTree.pos(parser.currentTokenLocation()),
            "",
            "",
            "more than one document or value; a scenario file holds one map");
      }
    } catch (JsonProcessingException e) {
      // a limit (StreamConstraintsException) carries no location: the parser's is where it stopped
      Pos at =
          ScenarioTree.pos(
              e.getLocation() != null || open == null ? e.getLocation() : open.currentLocation());
      add(at, "", "", "not valid %s: %s", format, e.getOriginalMessage().strip());
      throwIfAny();
      throw new AssertionError("unreachable");
    } catch (IOException e) {
      add(new Pos(0, 0), "", "", "cannot read: %s", String.valueOf(e.getMessage()));
      throwIfAny();
      throw new AssertionError("unreachable");
    }
    if (root == null) {
      add(new Pos(0, 0), "", "", "empty file; a scenario needs at least name, city and categories");
      throwIfAny();
    }
    MapNode map = map(root, "", "the scenario (key: value lines)");
    if (map == null) {
      throwIfAny();
      throw new AssertionError("unreachable");
    }
    Scenario scenario = scenario(map);
    throwIfAny();
    return java.util.Objects.requireNonNull(scenario);
  }

  /** A parser factory that stops at the limits: document length, nesting, and YAML aliases. */
  static JsonFactory factory(Format format, InputLimits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxDocumentLength(limits.maxChars())
            .maxNestingDepth(limits.maxNesting())
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxChars()))
            .build();
    JsonFactory factory;
    if (format == Format.YAML) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxChars()));
      options.setNestingDepthLimit(limits.maxNesting());
      options.setMaxAliasesForCollections(MAX_YAML_ALIASES);
      options.setAllowDuplicateKeys(true); // ScenarioTree reports duplicates with both positions
      factory =
          YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
    } else {
      factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    }
    factory.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
    return factory;
  }

  // --- the scenario
  // ------------------------------------------------------------------------------------------

  private @Nullable Scenario scenario(MapNode root) {
    knownKeys(root, KEYS, "");
    Node ext = root.get("extends");
    Scenario base = ext == null ? null : builtIn(ext);
    boolean extending = ext != null;
    String name = name(root, extending);
    CitySpec city = required(root, "city", extending, this::city);
    ImmutableList<CategoryMix> categories =
        required(root, "categories", extending, this::categories);
    OptionalDouble households = householdsPerGrid(root, city, base);
    Scenario.Builder b = Scenario.builder();
    readOptional(root, base, b);
    Map<String, String> variants = policyVariants(root, base);
    if (!problems.isEmpty()
        || !policyProblems.isEmpty()
        || name == null
        || (city == null && base == null)
        || (categories == null && base == null)) {
      return null;
    }
    b.name(name)
        .city(city != null ? city : java.util.Objects.requireNonNull(base).city())
        .addAllCategories(
            categories != null ? categories : java.util.Objects.requireNonNull(base).categories());
    if (households.isPresent()) {
      b.householdsPerGrid(households.getAsDouble());
    }
    b.putAllPolicyVariants(variants);
    try {
      Scenario built = b.build();
      return studies.check(built) ? built : null;
    } catch (IllegalArgumentException | IllegalStateException e) {
      add(root.pos(), "", "", "%s", String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** The built-in scenario {@code extends} names, or {@code null} after reporting it unknown. */
  private @Nullable Scenario builtIn(Node ext) {
    String name = string(ext, "extends");
    if (name == null) {
      return null;
    }
    Optional<Scenario> found = builtIns.apply(name);
    if (found.isEmpty()) {
      add(ext.pos(), "extends", name, "no built-in scenario of that name; expected putian");
      return null;
    }
    return found.get();
  }

  private @Nullable String name(MapNode root, boolean extending) {
    if (extending && root.get("name") == null) {
      // a scenario that extends a built-in one still needs its own name: reports and CSV name it
      add(
          root.pos(),
          "name",
          "",
          "missing required key 'name': a scenario that extends a built-in one needs a name of its"
              + " own");
      return null;
    }
    String name = required(root, "name", extending, n -> string(n, "name"));
    if (name != null && name.isBlank()) {
      add(
          java.util.Objects.requireNonNull(root.get("name")).pos(),
          "name",
          name,
          "must not be empty");
    }
    return name;
  }

  /** {@code households-per-grid}, or the base's when the city stays a generated one. */
  private OptionalDouble householdsPerGrid(
      MapNode root, @Nullable CitySpec city, @Nullable Scenario base) {
    Node hpg = root.get("households-per-grid");
    if (hpg == null) {
      return base != null
              && base.householdsPerGrid().isPresent()
              && (city == null || city instanceof CitySpec.Putian)
          ? base.householdsPerGrid()
          : OptionalDouble.empty();
    }
    Double h = number(hpg, "households-per-grid", 0, false, Double.POSITIVE_INFINITY);
    if (h == null) {
      return OptionalDouble.empty();
    }
    CitySpec effective = city != null ? city : base != null ? base.city() : null;
    if (effective != null && !(effective instanceof CitySpec.Putian)) {
      add(
          hpg.pos(),
          "households-per-grid",
          hpg.text(),
          "applies to generated cities (city: putian) only; remove it or use city: putian");
    }
    return OptionalDouble.of(h);
  }

  /**
   * Reads the optional keys from {@code start} to {@code sla-policy} into {@code b}, each falling
   * back to the base scenario's value.
   */
  private void readOptional(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    set(optional(root, "start", this::start), base, Scenario::start, b::start);
    set(
        optional(root, "warm-up", n -> duration(n, "warm-up", true)),
        base,
        Scenario::warmUp,
        b::warmUp);
    set(
        optional(root, "horizon", n -> duration(n, "horizon", false)),
        base,
        Scenario::horizon,
        b::horizon);
    set(optional(root, "drain", n -> duration(n, "drain", true)), base, Scenario::drain, b::drain);
    Double rate =
        optional(
            root,
            "cases-per-resident-per-year",
            n ->
                number(
                    n, "cases-per-resident-per-year", 0, false, MAX_CASES_PER_RESIDENT_PER_YEAR));
    set(rate, base, Scenario::casesPerResidentPerYear, b::casesPerResidentPerYear);
    set(
        optional(root, "hourly-profile", n -> weights(n, "hourly-profile", 24)),
        base,
        Scenario::hourlyProfile,
        b::hourlyProfile);
    set(
        optional(root, "weekday-profile", n -> weights(n, "weekday-profile", 7)),
        base,
        Scenario::weekdayProfile,
        b::weekdayProfile);
    Double offDay =
        optional(
            root,
            "off-day-factor",
            n -> number(n, "off-day-factor", 0, true, Double.POSITIVE_INFINITY));
    set(offDay, base, Scenario::offDayFactor, b::offDayFactor);
    readResources(root, base, b);
    new PatrolSectionReader(problems).read(root, base, b);
    new StaffSectionReader(problems).read(root, base, b);
    new RosterSectionReader(this, problems).read(root, base, b);
    studies.read(root, base, b);
  }

  /** Reads staffing, work schedule, travel, check time, calendar and the two policies into b. */
  private void readResources(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Staffing baseStaffing = base != null ? base.staffing() : Staffing.defaults();
    set(
        optional(root, "staffing", n -> staffing(n, baseStaffing)),
        base,
        Scenario::staffing,
        b::staffing);
    set(
        optional(root, "work-schedule", n -> choice(n, "work-schedule", WorkSchedule.class)),
        base,
        Scenario::workSchedule,
        b::workSchedule);
    Travel baseTravel = base != null ? base.travel() : new Travel(10, 10);
    set(optional(root, "travel", n -> travel(n, baseTravel)), base, Scenario::travel, b::travel);
    set(
        optional(root, "check-time", n -> distribution(n, "check-time")),
        base,
        Scenario::checkTime,
        b::checkTime);
    Mechanisms baseMechanisms = base != null ? base.mechanisms() : Mechanisms.OFF;
    set(
        optional(root, "mechanisms", n -> new MechanismsReader(this).read(n, baseMechanisms)),
        base,
        Scenario::mechanisms,
        b::mechanisms);
    readSummons(root, base, b);
    readSupervision(root, base, b);
    set(
        optional(root, "calendar", n -> choice(n, "calendar", CalendarChoice.class)),
        base,
        Scenario::calendar,
        b::calendar);
    String routing = optional(root, "routing-policy", n -> policy(n, "routing-policy", true));
    if (routing != null) {
      b.routingPolicy(routing);
    } else if (base != null && base.routingPolicy().isPresent()) {
      b.routingPolicy(base.routingPolicy().get());
    }
    String sla = optional(root, "sla-policy", n -> policy(n, "sla-policy", false));
    if (sla != null) {
      b.slaPolicy(sla);
    } else if (base != null && base.slaPolicy().isPresent()) {
      b.slaPolicy(base.slaPolicy().get());
    }
  }

  private Map<String, String> policyVariants(MapNode root, @Nullable Scenario base) {
    TreeMap<String, String> variants = new TreeMap<>();
    if (base != null) {
      variants.putAll(base.policyVariants());
    }
    Node pv = root.get("policy-variants");
    if (pv == null) {
      return variants;
    }
    MapNode m =
        map(pv, "policy-variants", "a map of variant name: {file: policy.csv} or the policy text");
    if (m != null) {
      for (Entry e : m.entries()) {
        String text = policy(e.value(), "policy-variants." + e.key(), true);
        if (text != null) {
          variants.put(e.key(), text);
        }
      }
    }
    return variants;
  }

  /** The {@code summon-*} keys of the {@code mechanisms:} section ({@link SummonsReader}). */
  private void readSummons(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Optional<Summons> baseSummons = base != null ? base.summons() : Optional.empty();
    Optional<Summons> summons = baseSummons;
    if (root.get("mechanisms") instanceof MapNode m) {
      SummonsReader r = new SummonsReader(this);
      summons = r.read(m, baseSummons);
      if (r.failed()) {
        return;
      }
    }
    summons.ifPresent(b::summons);
  }

  /** The {@code supervision*} and {@code handover} keys of {@code mechanisms:}. */
  private void readSupervision(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Optional<SupervisionMechanism> baseSupervision =
        base != null ? base.supervision() : Optional.empty();
    Optional<SupervisionMechanism> supervision = baseSupervision;
    boolean handover = base != null && base.handover();
    if (root.get("mechanisms") instanceof MapNode m) {
      SupervisionReader r = new SupervisionReader(this);
      supervision = r.read(m, baseSupervision);
      handover = r.handover(m, handover);
      if (r.failed()) {
        return;
      }
    }
    supervision.ifPresent(b::supervision);
    b.handover(handover);
  }

  private static <T> void set(
      @Nullable T value,
      @Nullable Scenario base,
      Function<Scenario, T> getter,
      java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    } else if (base != null) {
      setter.accept(getter.apply(base));
    }
  }

  private <T> @Nullable T required(MapNode root, String key, boolean extending, Read<T> read) {
    Node n = root.get(key);
    if (n == null) {
      if (!extending) {
        add(
            root.pos(),
            key,
            "",
            "missing required key '%s' (or start from a built-in scenario with extends: putian)",
            key);
      }
      return null;
    }
    return read.apply(n);
  }

  private static <T> @Nullable T optional(MapNode root, String key, Read<T> read) {
    Node n = root.get(key);
    return n == null ? null : read.apply(n);
  }

  /** Reads one value; {@code null} after recording a problem. */
  @FunctionalInterface
  private interface Read<T> {
    @Nullable T apply(Node n);
  }

  // --- attributes
  // --------------------------------------------------------------------------------------------

  private @Nullable CitySpec city(Node n) {
    String expected =
        "putian, {putian: {generator-seed: 1}}, {csv: regions.csv} or {single-grid: {residents: 1000}}";
    if (n instanceof Scalar s && s.kind() == Kind.STRING) {
      if (s.text().equals("putian")) {
        return new CitySpec.Putian(1);
      }
      add(n.pos(), "city", s.text(), "unknown city; expected %s", expected);
      return null;
    }
    MapNode m = map(n, "city", expected);
    if (m == null) {
      return null;
    }
    if (m.entries().size() != 1) {
      add(n.pos(), "city", "", "expected exactly one of %s", String.join(", ", CITY_FORMS));
      return null;
    }
    Entry e = m.entries().get(0);
    return switch (e.key()) {
      case "putian" -> putian(e);
      case "csv" -> csvCity(e);
      case "single-grid" -> singleGrid(e);
      default -> {
        add(
            e.keyPos(),
            "city",
            e.key(),
            "unknown kind of city%s; expected one of %s",
            suggestion(e.key(), CITY_FORMS),
            String.join(", ", CITY_FORMS));
        yield null;
      }
    };
  }

  private CitySpec.@Nullable Putian putian(Entry e) {
    MapNode opts = map(e.value(), "city.putian", "{generator-seed: 1}");
    if (opts == null) {
      return null;
    }
    knownKeys(opts, ImmutableList.of("generator-seed"), "city.putian.");
    Node seed = opts.get("generator-seed");
    Long value = seed == null ? Long.valueOf(1) : wholeNumber(seed, "city.putian.generator-seed");
    return value == null ? null : new CitySpec.Putian(value);
  }

  private CitySpec.@Nullable CsvFile csvCity(Entry e) {
    String file = string(e.value(), "city.csv");
    if (file == null) {
      return null;
    }
    Path path = directory.resolve(file).normalize();
    if (!Files.isRegularFile(path)) {
      add(
          e.value().pos(),
          "city.csv",
          file,
          "no such file: %s (paths are relative to the scenario file)",
          path);
      return null;
    }
    return new CitySpec.CsvFile(path);
  }

  private CitySpec.@Nullable SingleGrid singleGrid(Entry e) {
    MapNode opts = map(e.value(), "city.single-grid", "{residents: 1000}");
    if (opts == null) {
      return null;
    }
    knownKeys(opts, ImmutableList.of("residents"), "city.single-grid.");
    Node r = opts.get("residents");
    if (r == null) {
      add(opts.pos(), "city.single-grid.residents", "", "missing required key 'residents'");
      return null;
    }
    Long residents = wholeNumber(r, "city.single-grid.residents");
    if (residents == null) {
      return null;
    }
    if (residents < 1 || residents > Integer.MAX_VALUE) {
      add(
          r.pos(),
          "city.single-grid.residents",
          r.text(),
          "must be between 1 and %d",
          Integer.MAX_VALUE);
      return null;
    }
    return new CitySpec.SingleGrid((int) (long) residents);
  }

  private @Nullable ImmutableList<CategoryMix> categories(Node n) {
    if (!(n instanceof ListNode list)) {
      wrongType(n, "categories", "a list of {code, share, handling, solved-by-holder}");
      return null;
    }
    if (list.items().isEmpty()) {
      add(n.pos(), "categories", "", "must list at least one category");
      return null;
    }
    List<CategoryMix> out = new ArrayList<>();
    boolean ok = true;
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String field = String.format(Locale.ROOT, "categories[%d]", i + 1);
      MapNode m = map(list.items().get(i), field, "{code, share, handling, solved-by-holder}");
      if (m == null) {
        ok = false;
        continue;
      }
      knownKeys(m, CATEGORY_KEYS, field + ".");
      String code = requiredIn(m, "code", field, c -> string(c, field + ".code"));
      if (code != null && code.isBlank()) {
        add(
            java.util.Objects.requireNonNull(m.get("code")).pos(),
            field + ".code",
            code,
            "must not be empty");
        code = null;
      } else if (code != null && codes.contains(code)) {
        add(
            java.util.Objects.requireNonNull(m.get("code")).pos(),
            field + ".code",
            code,
            "category listed twice; list each category once");
        code = null;
      } else if (code != null) {
        codes.add(code);
      }
      Double share =
          requiredIn(
              m,
              "share",
              field,
              c -> number(c, field + ".share", 0, false, Double.POSITIVE_INFINITY));
      Distribution handling =
          requiredIn(m, "handling", field, c -> distribution(c, field + ".handling"));
      Node sbh = m.get("solved-by-holder");
      Double solved =
          sbh == null ? Double.valueOf(1) : number(sbh, field + ".solved-by-holder", 0, true, 1);
      if (code == null || share == null || handling == null || solved == null) {
        ok = false;
        continue;
      }
      out.add(new CategoryMix(code, share, handling, solved));
    }
    return ok ? ImmutableList.copyOf(out) : null;
  }

  private <T> @Nullable T requiredIn(MapNode m, String key, String parent, Read<T> read) {
    Node n = m.get(key);
    if (n == null) {
      add(m.pos(), parent + "." + key, "", "missing required key '%s'", key);
      return null;
    }
    return read.apply(n);
  }

  private @Nullable Staffing staffing(Node n, Staffing base) {
    MapNode m = map(n, "staffing", "a map of " + String.join(", ", STAFFING_KEYS));
    if (m == null) {
      return null;
    }
    knownKeys(m, STAFFING_KEYS, "staffing.");
    long before = problems.count();
    int workers = staff(m, "workers-per-grid", base.workersPerGrid());
    int community = staff(m, "community-staff", base.communityStaff());
    int street = staff(m, "street-staff", base.streetStaff());
    int district = staff(m, "district-staff", base.districtStaff());
    int cityStaff = staff(m, "city-staff", base.cityStaff());
    int dept = staff(m, "department-default", base.departmentDefault());
    TreeMap<String, Integer> departments = new TreeMap<>(base.departments());
    Node d = m.get("departments");
    if (d != null) {
      MapNode dm =
          map(d, "staffing.departments", "a map of handler id: handlers, e.g. {dept:water: 5}");
      if (dm != null) {
        for (Entry e : dm.entries()) {
          Long v = wholeNumber(e.value(), "staffing.departments." + e.key());
          if (v != null && (v < 1 || v > Integer.MAX_VALUE)) {
            add(
                e.value().pos(),
                "staffing.departments." + e.key(),
                e.value().text(),
                "must be >= 1");
          } else if (v != null) {
            departments.put(e.key(), (int) (long) v);
          }
        }
      }
    }
    if (problems.count() > before) {
      return null;
    }
    return new Staffing(
        workers,
        community,
        street,
        district,
        cityStaff,
        dept,
        ImmutableSortedMap.copyOf(departments));
  }

  private int staff(MapNode m, String key, int dflt) {
    Node n = m.get(key);
    if (n == null) {
      return dflt;
    }
    Long v = wholeNumber(n, "staffing." + key);
    if (v == null) {
      return dflt;
    }
    if (v < 1 || v > Integer.MAX_VALUE) {
      add(n.pos(), "staffing." + key, n.text(), "must be >= 1");
      return dflt;
    }
    return (int) (long) v;
  }

  private @Nullable Travel travel(Node n, Travel base) {
    if (n instanceof Scalar s && s.kind() == Kind.STRING && s.text().equals("none")) {
      return Travel.NONE;
    }
    MapNode m = map(n, "travel", "none or {base-minutes: 10, minutes-per-km: 10}");
    if (m == null) {
      return null;
    }
    knownKeys(m, TRAVEL_KEYS, "travel.");
    Node bm = m.get("base-minutes");
    Node pk = m.get("minutes-per-km");
    Double base0 =
        bm == null
            ? Double.valueOf(base.baseMinutes())
            : number(bm, "travel.base-minutes", 0, true, Double.POSITIVE_INFINITY);
    Double perKm =
        pk == null
            ? Double.valueOf(base.minutesPerKm())
            : number(pk, "travel.minutes-per-km", 0, true, Double.POSITIVE_INFINITY);
    return base0 == null || perKm == null ? null : new Travel(base0, perKm);
  }

  private @Nullable LocalDateTime start(Node n) {
    String text = string(n, "start");
    if (text == null) {
      return null;
    }
    try {
      return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
    } catch (DateTimeParseException e) {
      add(
          n.pos(),
          "start",
          text,
          "not a local date-time; expected e.g. 2025-01-06 or 2025-01-06T08:00");
      return null;
    }
  }

  private @Nullable ImmutableList<Double> weights(Node n, String field, int count) {
    if (!(n instanceof ListNode list)) {
      wrongType(n, field, String.format(Locale.ROOT, "a list of %d numbers", count));
      return null;
    }
    if (list.items().size() != count) {
      add(n.pos(), field, "", "needs %d weights but has %d", count, list.items().size());
      return null;
    }
    List<Double> out = new ArrayList<>();
    boolean ok = true;
    double sum = 0;
    for (int i = 0; i < count; i++) {
      Double w =
          number(
              list.items().get(i),
              String.format(Locale.ROOT, "%s[%d]", field, i + 1),
              0,
              true,
              Double.POSITIVE_INFINITY);
      if (w == null) {
        ok = false;
      } else {
        out.add(w);
        sum += w;
      }
    }
    if (ok && sum <= 0) {
      add(n.pos(), field, "", "weights must not all be 0");
      return null;
    }
    return ok ? ImmutableList.copyOf(out) : null;
  }

  private @Nullable Distribution distribution(Node n, String field) {
    if (!(n instanceof Scalar s) || s.kind() != Kind.STRING) {
      wrongType(n, field, "a distribution such as exponential(30) or lognormal(60, 30) (minutes)");
      return null;
    }
    try {
      return Distribution.parse(s.text());
    } catch (IllegalArgumentException e) {
      add(n.pos(), field, s.text(), "%s", String.valueOf(e.getMessage()));
      return null;
    }
  }

  private <E extends Enum<E>> @Nullable E choice(Node n, String field, Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(kebab(e.name()));
    }
    if (!(n instanceof Scalar s) || s.kind() != Kind.STRING) {
      wrongType(n, field, "one of " + String.join(", ", names));
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (kebab(e.name()).equals(s.text())) {
        return e;
      }
    }
    add(
        n.pos(),
        field,
        s.text(),
        "unknown value%s; expected one of %s",
        suggestion(s.text(), names),
        String.join(", ", names));
    return null;
  }

  static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the text of the file {@code file} (relative to the scenario file) named at node {@code
   * f}, or null after recording a problem for {@code field}.
   */
  @Nullable String fileText(Node f, String field, String file) {
    Path path = directory.resolve(file).normalize();
    try {
      return readBounded(path, limits.maxChars());
    } catch (NoSuchFileException e) {
      add(f.pos(), field, file, "no such file: %s (paths are relative to the scenario file)", path);
    } catch (LimitException e) {
      add(f.pos(), field, file, "%s: %s", path, e.getMessage());
    } catch (MalformedInputException e) {
      add(f.pos(), field, file, "%s: not UTF-8 text", path);
    } catch (IOException e) {
      add(f.pos(), field, file, "cannot read %s: %s", path, String.valueOf(e.getMessage()));
    }
    return null;
  }

  /**
   * Reads a policy, inline or from a file, and parses it; its own problems keep their own lines.
   */
  private @Nullable String policy(Node n, String field, boolean routing) {
    String text;
    String policySource;
    if (n instanceof Scalar s && s.kind() == Kind.STRING) {
      text = s.text();
      policySource = source + " (" + field + ")";
    } else if (n instanceof MapNode m) {
      knownKeys(m, ImmutableList.of("file"), field + ".");
      Node f = m.get("file");
      if (f == null) {
        add(m.pos(), field + ".file", "", "missing required key 'file'");
        return null;
      }
      String file = string(f, field + ".file");
      if (file == null) {
        return null;
      }
      Path path = directory.resolve(file).normalize();
      String read = fileText(f, field + ".file", file);
      if (read == null) {
        return null;
      }
      text = read;
      policySource = path.toString();
    } else {
      wrongType(n, field, "{file: path} or the policy text");
      return null;
    }
    try {
      if (routing) {
        var unused = PolicyTable.parse(new StringReader(text), policySource, limits);
      } else {
        var unused = SlaPolicy.parse(new StringReader(text), policySource, limits);
      }
    } catch (TextParseException e) {
      add(
          n.pos(),
          field,
          "",
          "the %s policy does not parse (%d problems, listed below)",
          routing ? "routing" : "SLA",
          e.problems().size());
      policyProblems.addAll(e.problems());
      return null;
    } catch (IllegalArgumentException e) {
      add(n.pos(), field, "", "the policy is not valid: %s", String.valueOf(e.getMessage()));
      return null;
    }
    return text;
  }

  // --- scalars
  // -----------------------------------------------------------------------------------------------

  @Nullable MapNode map(@Nullable Node n, String field, String expected) {
    if (n instanceof MapNode m) {
      return m;
    }
    if (n != null) {
      wrongType(n, field, expected);
    }
    return null;
  }

  @Nullable String string(Node n, String field) {
    if (n instanceof Scalar s && (s.kind() == Kind.STRING || s.kind() == Kind.NUMBER)) {
      return s.text();
    }
    wrongType(n, field, "a text");
    return null;
  }

  @Nullable Double number(Node n, String field, double min, boolean minIncluded, double max) {
    if (!(n instanceof Scalar s) || s.kind() != Kind.NUMBER) {
      wrongType(n, field, "a number");
      return null;
    }
    double v;
    try {
      v = Double.parseDouble(s.text());
    } catch (NumberFormatException e) {
      add(n.pos(), field, s.text(), "not a number");
      return null;
    }
    if (!Double.isFinite(v) || (minIncluded ? v < min : v <= min) || v > max) {
      String range =
          (minIncluded ? ">= " : "> ")
              + number(min)
              + (max == Double.POSITIVE_INFINITY ? "" : " and <= " + number(max));
      add(n.pos(), field, s.text(), "out of range: must be %s", range);
      return null;
    }
    return v;
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  @Nullable Long wholeNumber(Node n, String field) {
    if (!(n instanceof Scalar s) || s.kind() != Kind.NUMBER) {
      wrongType(n, field, "a whole number");
      return null;
    }
    try {
      return Long.parseLong(s.text());
    } catch (NumberFormatException e) {
      add(n.pos(), field, s.text(), "not a whole number");
      return null;
    }
  }

  private @Nullable Duration duration(Node n, String field, boolean zeroAllowed) {
    if (!(n instanceof Scalar s) || s.kind() != Kind.STRING) {
      if (n instanceof Scalar s && s.kind() == Kind.NUMBER) {
        add(
            n.pos(),
            field,
            s.text(),
            "a duration needs a unit; expected e.g. 7d, 12h, 90m, 1w or P7D");
      } else {
        wrongType(n, field, "a duration such as 7d, 12h, 90m, 1w or P7D");
      }
      return null;
    }
    Duration d = parseDuration(s.text());
    if (d == null) {
      add(
          n.pos(),
          field,
          s.text(),
          "not a duration; expected e.g. 7d, 12h, 90m, 1w2d or ISO-8601 P7D, PT12H");
      return null;
    }
    if (d.isNegative() || (!zeroAllowed && d.isZero())) {
      add(n.pos(), field, s.text(), "out of range: must be %s", zeroAllowed ? ">= 0" : "> 0");
      return null;
    }
    return d;
  }

  /**
   * Parses {@code 7d}, {@code 12h}, {@code 90m}, {@code 1w2d} or ISO-8601 ({@code P7D}, {@code
   * PT12H}).
   *
   * @param text the text
   * @return the duration, or {@code null} if it is neither form
   */
  static @Nullable Duration parseDuration(String text) {
    String t = text.strip();
    if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = SHORT_DURATION.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      return null;
    }
    long[] perUnit = {7 * 86400, 86400, 3600, 60, 1};
    long seconds = 0;
    try {
      for (int g = 1; g <= 5; g++) {
        String v = m.group(g);
        if (v != null) {
          seconds = Math.addExact(seconds, Math.multiplyExact(Long.parseLong(v), perUnit[g - 1]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
    return Duration.ofSeconds(seconds);
  }

  // --- problems
  // ----------------------------------------------------------------------------------------------

  void knownKeys(MapNode m, List<String> known, String prefix) {
    for (Entry e : m.entries()) {
      if (!known.contains(e.key())) {
        String hint = KeyPaths.suggestion(prefix, e.key(), known);
        add(
            e.keyPos(),
            prefix + e.key(),
            e.key(),
            "unknown key%s",
            hint.isEmpty() ? "; known keys: " + String.join(", ", known) : hint);
      }
    }
  }

  void wrongType(Node n, String field, String expected) {
    add(n.pos(), field, n.text(), "expected %s but found %s", expected, n.description());
  }

  /**
   * Returns {@code "; did you mean 'x'?"} for the closest known name within a small edit distance,
   * or "".
   */
  static String suggestion(String given, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = given.toLowerCase(Locale.ROOT);
    int threshold = Math.max(2, given.length() / 3);
    for (String k : known) {
      if (!mayBeWithin(lower, k, threshold)) {
        continue; // farther than the threshold whatever its letters: no distance to compute
      }
      int d = editDistance(lower, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= threshold) {
      return "; did you mean '" + best + "'?";
    }
    // A shortened or lengthened name ("workers" for "workers-per-grid", "chinese" for "china").
    String shortened = sharedStart(lower, known);
    return shortened == null ? "" : "; did you mean '" + shortened + "'?";
  }

  /**
   * The first of {@code known} that shares its first four letters or more with {@code lower} (a
   * shortened or lengthened name: "workers" for "workers-per-grid"), or null.
   */
  static @Nullable String sharedStart(String lower, List<String> known) {
    for (String k : known) {
      int common = 0;
      while (common < Math.min(lower.length(), k.length())
          && lower.charAt(common) == k.charAt(common)) {
        common++;
      }
      if (common >= 4) {
        return k;
      }
    }
    return null;
  }

  /**
   * The longest name a "did you mean" compares letter by letter: the edit distance costs the
   * product of the two lengths, so an unknown key of thousands of characters (a careless or hostile
   * file within the reader's limits) would otherwise cost seconds per key. Longer names get no
   * near-miss hint (the shared-start hint still applies).
   */
  static final int MAX_SUGGESTION_LENGTH = 64;

  /**
   * Whether {@code a} and {@code b} may lie within {@code threshold} edits: both at most {@link
   * #MAX_SUGGESTION_LENGTH} long and their lengths no farther apart than the threshold (each edit
   * changes the length by at most one).
   */
  static boolean mayBeWithin(String a, String b, int threshold) {
    return a.length() <= MAX_SUGGESTION_LENGTH
        && b.length() <= MAX_SUGGESTION_LENGTH
        && Math.abs(a.length() - b.length()) <= threshold;
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @FormatMethod
  void add(Pos at, String field, String value, @FormatString String format, Object... args) {
    problems.add(
        at.line(), at.column(), field, value, "%s", String.format(Locale.ROOT, format, args));
  }

  private void throwIfAny() {
    if (problems.isEmpty() && policyProblems.isEmpty()) {
      return;
    }
    List<Problem> all = new ArrayList<>(problems.sorted()); // this file's problems in input order
    all.addAll(policyProblems); // then each policy's own, at their own lines
    throw new TextParseException(all);
  }
}
