package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridgov.simulation.ScenarioTree.Entry;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.ListNode;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Scalar;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code experiment:} section into an {@link ExperimentSpec}; problems go
 * to the file's problem list with their line, column and path ({@code experiment.factors.x[2]}).
 *
 * <pre>
 * experiment:
 *   design: full                   # full (default), fractional or lhs
 *   factors:                       # in order: A, B, C, ... for generators
 *     households-per-grid: [150, 500]
 *     workers-per-grid: [1, 2]
 *     patrol-rounds-per-working-day: {lower: 1, upper: 4}   # lhs: ranges
 *   generators: [D=ABC]            # fractional only
 *   points: 10                     # lhs only
 *   sample-seed: 7                 # lhs only (default 1)
 *   replications: 3                # default 5
 *   common-random-numbers: true    # default true
 * </pre>
 */
final class ExperimentSectionReader {
  static final String SECTION = "experiment";
  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "design",
          "factors",
          "generators",
          "points",
          "sample-seed",
          "replications",
          "common-random-numbers");
  static final int DEFAULT_REPLICATIONS = 5;

  private final ScenarioFileReader reader;
  private final WrittenValues written = new WrittenValues();

  ExperimentSectionReader(ScenarioFileReader reader) {
    this.reader = reader;
  }

  /** Returns the section, or {@code null} after recording a problem. */
  @Nullable ExperimentSpec read(Node n) {
    MapNode m = StudySectionsReader.sectionMap(reader, n, SECTION, KEYS);
    if (m == null) {
      return null;
    }
    ExperimentSpec.Kind kind = kind(m);
    Integer replications =
        StudySectionsReader.count(reader, m, SECTION, "replications", DEFAULT_REPLICATIONS, 1);
    Boolean crn = bool(m, "common-random-numbers", true);
    MapNode factors = factorsMap(m);
    if (kind == null || replications == null || crn == null || factors == null) {
      return null;
    }
    try {
      return kind == ExperimentSpec.Kind.LHS
          ? lhs(m, factors, replications, crn)
          : factorial(m, kind, factors, replications, crn);
    } catch (IllegalArgumentException e) {
      reader.add(m.pos(), SECTION, "", "%s", String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** Whether every level read fits the built scenario; records each misfit at its position. */
  boolean check(Scenario built) {
    return written.check(reader, built);
  }

  private @Nullable ExperimentSpec factorial(
      MapNode m, ExperimentSpec.Kind kind, MapNode factors, int replications, boolean crn) {
    ImmutableList.Builder<Factor> out = ImmutableList.builder();
    boolean ok = true;
    for (Entry e : factors.entries()) {
      SweepParameter p = parameter(e);
      String field = SECTION + ".factors." + e.key();
      List<String> levels = p == null ? null : levels(e.value(), p, field);
      if (p == null || levels == null) {
        ok = false;
      } else {
        out.add(new Factor(p, ImmutableList.copyOf(levels)));
      }
    }
    ImmutableList<String> generators = generators(m, kind);
    rejectLhsKeys(m);
    if (!ok || generators == null) {
      return null;
    }
    return kind == ExperimentSpec.Kind.FULL
        ? ExperimentSpec.full(out.build(), replications, crn)
        : ExperimentSpec.fractional(out.build(), generators, replications, crn);
  }

  private @Nullable ExperimentSpec lhs(MapNode m, MapNode factors, int replications, boolean crn) {
    ImmutableList.Builder<LatinHypercube.Range> out = ImmutableList.builder();
    boolean ok = true;
    for (Entry e : factors.entries()) {
      SweepParameter p = parameter(e);
      LatinHypercube.Range r = p == null ? null : range(e.value(), p);
      if (r == null) {
        ok = false;
      } else {
        out.add(r);
      }
    }
    Node gen = m.get("generators");
    if (gen != null) {
      reader.add(gen.pos(), SECTION + ".generators", "", "only a fractional design has generators");
      ok = false;
    }
    Integer points = StudySectionsReader.count(reader, m, SECTION, "points", -1, 2);
    if (points != null && points == -1) {
      reader.add(m.pos(), SECTION + ".points", "", "missing required key 'points' (design: lhs)");
      points = null;
    }
    Long seed = seed(m);
    if (!ok || points == null || seed == null) {
      return null;
    }
    return ExperimentSpec.latinHypercube(out.build(), points, seed, replications, crn);
  }

  private ExperimentSpec.@Nullable Kind kind(MapNode m) {
    Node n = m.get("design");
    if (n == null) {
      return ExperimentSpec.Kind.FULL;
    }
    List<String> ids = Arrays.stream(ExperimentSpec.Kind.values()).map(k -> k.id()).toList();
    String text = reader.string(n, SECTION + ".design");
    if (text == null) {
      return null;
    }
    for (ExperimentSpec.Kind k : ExperimentSpec.Kind.values()) {
      if (k.id().equals(text)) {
        return k;
      }
    }
    reader.add(
        n.pos(),
        SECTION + ".design",
        text,
        "unknown design%s; expected one of %s",
        ScenarioFileReader.suggestion(text, ids),
        String.join(", ", ids));
    return null;
  }

  private @Nullable MapNode factorsMap(MapNode m) {
    Node n = m.get("factors");
    if (n == null) {
      reader.add(m.pos(), SECTION + ".factors", "", "missing required key 'factors'");
      return null;
    }
    MapNode f =
        reader.map(
            n,
            SECTION + ".factors",
            "a map of parameter: [levels], e.g. {workers-per-grid: [1, 2]}");
    if (f != null && f.entries().isEmpty()) {
      reader.add(f.pos(), SECTION + ".factors", "", "needs at least one factor");
      return null;
    }
    return f;
  }

  private @Nullable SweepParameter parameter(Entry e) {
    List<String> ids = Arrays.stream(SweepParameter.values()).map(SweepParameter::id).toList();
    for (SweepParameter p : SweepParameter.values()) {
      if (p.id().equals(e.key())) {
        return p;
      }
    }
    reader.add(
        e.keyPos(),
        SECTION + ".factors." + e.key(),
        e.key(),
        "unknown parameter%s; expected one of %s",
        ScenarioFileReader.suggestion(e.key(), ids),
        String.join(", ", ids));
    return null;
  }

  private @Nullable List<String> levels(Node n, SweepParameter p, String field) {
    if (!(n instanceof ListNode list) || list.items().isEmpty()) {
      reader.add(
          n.pos(),
          field,
          n.text(),
          "expected a list of levels such as [1, 2] but found %s",
          n instanceof ListNode ? "an empty list" : n.description());
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String at = field + "[" + (i + 1) + "]";
      String v = reader.string(item, at);
      if (v == null) {
        return null;
      }
      if (out.contains(v)) {
        reader.add(item.pos(), at, v, "repeats level '%s'; levels must be distinct", v);
        return null;
      }
      out.add(v);
      written.add(p::apply, v, item.pos(), at);
    }
    return out;
  }

  private LatinHypercube.@Nullable Range range(Node n, SweepParameter p) {
    String field = SECTION + ".factors." + p.id();
    MapNode m = reader.map(n, field, "a range {lower: x, upper: y} (design: lhs)");
    if (m == null) {
      return null;
    }
    reader.knownKeys(m, ImmutableList.of("lower", "upper"), field + ".");
    Node lo = m.get("lower");
    Node hi = m.get("upper");
    if (lo == null || hi == null) {
      reader.add(m.pos(), field, "", "needs both lower and upper");
      return null;
    }
    double inf = Double.POSITIVE_INFINITY;
    Double lower = reader.number(lo, field + ".lower", -inf, false, inf);
    Double upper = reader.number(hi, field + ".upper", -inf, false, inf);
    if (lower == null || upper == null) {
      return null;
    }
    try {
      LatinHypercube.Range r = new LatinHypercube.Range(p, lower, upper);
      written.add(p::apply, bound(p, lower), lo.pos(), field + ".lower");
      written.add(p::apply, bound(p, upper), hi.pos(), field + ".upper");
      return r;
    } catch (IllegalArgumentException e) {
      reader.add(m.pos(), field, "", "%s", String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** A bound as a level: whole-number parameters rounded, as the Latin hypercube rounds them. */
  private static String bound(SweepParameter p, double v) {
    boolean whole = p == SweepParameter.WORKERS_PER_GRID || p == SweepParameter.DEPARTMENT_CAPACITY;
    return whole ? Long.toString(Math.round(v)) : ScenarioFiles.num(v);
  }

  private @Nullable ImmutableList<String> generators(MapNode m, ExperimentSpec.Kind kind) {
    Node n = m.get("generators");
    String field = SECTION + ".generators";
    if (n == null) {
      if (kind == ExperimentSpec.Kind.FRACTIONAL) {
        reader.add(m.pos(), field, "", "missing required key 'generators' (design: fractional)");
        return null;
      }
      return ImmutableList.of();
    }
    if (kind != ExperimentSpec.Kind.FRACTIONAL) {
      reader.add(n.pos(), field, "", "only a fractional design has generators");
      return null;
    }
    if (!(n instanceof ListNode list) || list.items().isEmpty()) {
      reader.add(n.pos(), field, n.text(), "expected a list such as [D=ABC]");
      return null;
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int i = 0; i < list.items().size(); i++) {
      String g = reader.string(list.items().get(i), field + "[" + (i + 1) + "]");
      if (g == null) {
        return null;
      }
      out.add(g);
    }
    return out.build();
  }

  private void rejectLhsKeys(MapNode m) {
    for (String k : List.of("points", "sample-seed")) {
      Node n = m.get(k);
      if (n != null) {
        reader.add(
            n.pos(), SECTION + "." + k, n.text(), "only a Latin hypercube (design: lhs) has %s", k);
      }
    }
  }

  private @Nullable Long seed(MapNode m) {
    Node n = m.get("sample-seed");
    return n == null ? Long.valueOf(1) : reader.wholeNumber(n, SECTION + ".sample-seed");
  }

  private @Nullable Boolean bool(MapNode m, String key, boolean dflt) {
    Node n = m.get(key);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Scalar s && s.kind() == Kind.BOOLEAN) {
      return Boolean.parseBoolean(s.text());
    }
    reader.add(
        n.pos(),
        SECTION + "." + key,
        n.text(),
        "expected true or false but found %s",
        n.description());
    return null;
  }
}
