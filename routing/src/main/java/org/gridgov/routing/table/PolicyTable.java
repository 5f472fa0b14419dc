package org.gridgov.routing.table;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.common.primitives.ImmutableLongArray;
import java.io.Reader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gridgov.InputLimits;
import org.gridgov.casefile.Priority;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingGraph;
import org.jspecify.annotations.Nullable;

/**
 * A routing policy as a table people can read and review, parsed from CSV text the caller opens.
 * Rows are tried top to bottom; the first row matching a request decides. See {@code
 * docs/routing.md} for the format:
 *
 * <pre>
 * category,region,priority,point,holder,action
 * 0401,*,*,NEW_CASE,none,assign office@COMMUNITY
 * *,*,URGENT,NEW_CASE,none,assign office@STREET
 * *,*,*,BREACH|RETURN,*,escalate
 * </pre>
 *
 * <p>A table is syntax only; {@link #compile(RoutingGraph)} checks the handler ids and region codes
 * against a graph and gives the fast {@link TablePolicy}.
 */
public final class PolicyTable {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern HANDLER_ID =
      Pattern.compile("office:([1-9][0-9]*|city)|dept:[a-z0-9][a-z0-9-]*|party:[a-z0-9][a-z0-9-]*");

  /** The header row, exactly. */
  public static final String HEADER = "category,region,priority,point,holder,action";

  /** What a row does. */
  public enum ActionKind {
    /** Assign a lead and assists. */
    ASSIGN,
    /** Escalate. */
    ESCALATE,
    /** Summon departments. */
    SUMMON,
    /** Reject. */
    REJECT
  }

  /**
   * A row's action.
   *
   * <p>Targets are handler ids ({@code office:350302001}, {@code dept:housing}, {@code
   * party:water-co}, {@code office:city}) or relative targets: {@code office} (the location's own
   * office), {@code office@LEVEL} (the office at that level over the location), {@code owner} (the
   * first department owning the category at the location), {@code holder} (the current holder),
   * {@code up} (the holder's escalation target; only for {@code escalate}).
   *
   * @param kind the kind
   * @param target the lead (assign) or escalation target (escalate); empty for summon and reject
   * @param assists assisting targets (assign); {@code assistants} stands for every handler
   *     assisting with the category at the location
   * @param summoned the summoned handler ids (summon)
   * @param within the summons limit (summon); zero otherwise
   * @param reason the reason (reject)
   */
  public record Action(
      ActionKind kind,
      String target,
      ImmutableList<String> assists,
      ImmutableList<String> summoned,
      Duration within,
      String reason) {
    /**
     * Validates the non-null fields.
     *
     * @param assists assisting targets (assign); {@code assistants} stands for every handler
     *     assisting with the category at the location
     * @param kind the kind
     * @param reason the reason (reject)
     * @param summoned the summoned handler ids (summon)
     * @param target the lead (assign) or escalation target (escalate); empty for summon and reject
     * @param within the summons limit (summon); zero otherwise
     */
    public Action {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(within, "within");
    }
  }

  /**
   * One parsed row.
   *
   * @param line the 1-based line of the row in its source
   * @param categories category code prefixes, any of them; empty = every category
   * @param regions region codes whose subtrees match, any of them; empty = every region
   * @param priorities matching priorities; empty = every priority
   * @param points matching decision points; empty = every point
   * @param minReports the least report count ({@code REPEAT_REPORT>=N}); 1 otherwise
   * @param holders matching holders: {@code none} (no holder yet), level names (the holder's
   *     level), or handler ids; empty = any holder
   * @param action what the row does
   * @param text the row's text as written, for reports
   */
  public record Row(
      int line,
      ImmutableList<String> categories,
      ImmutableLongArray regions,
      ImmutableSet<Priority> priorities,
      ImmutableSet<DecisionPoint> points,
      int minReports,
      ImmutableList<String> holders,
      Action action,
      String text) {
    /**
     * Validates the non-null fields.
     *
     * @param action what the row does
     * @param categories category code prefixes, any of them; empty = every category
     * @param holders matching holders: {@code none} (no holder yet), level names (the holder's
     *     level), or handler ids; empty = any holder
     * @param line the 1-based line of the row in its source
     * @param minReports the least report count ({@code REPEAT_REPORT>=N}); 1 otherwise
     * @param points matching decision points; empty = every point
     * @param priorities matching priorities; empty = every priority
     * @param regions region codes whose subtrees match, any of them; empty = every region
     * @param text the row's text as written, for reports
     */
    public Row {
      Objects.requireNonNull(action, "action");
    }

    /**
     * Tells whether the row's category pattern matches a category code.
     *
     * @param categoryCode a category code
     * @return whether one of its prefixes starts the code (or the row matches every category)
     */
    public boolean matchesCategory(String categoryCode) {
      if (categories.isEmpty()) {
        return true;
      }
      for (String c : categories) {
        if (categoryCode.startsWith(c)) {
          return true;
        }
      }
      return false;
    }
  }

  private final String source;
  private final ImmutableList<Row> rows;

  private PolicyTable(String source, List<Row> rows) {
    this.source = source;
    this.rows = ImmutableList.copyOf(rows);
  }

  /**
   * Returns a table of rows (for tables built in code).
   *
   * @param source the source name used in explanations
   * @param rows the rows
   * @return the table
   */
  public static PolicyTable of(String source, List<Row> rows) {
    checkArgument(!source.isEmpty(), "source must not be empty");
    return new PolicyTable(source, rows);
  }

  /**
   * Parses a policy table within the {@link InputLimits#defaults() default limits}. The caller
   * opens and closes the reader.
   *
   * @param in the text
   * @param source the source name for messages and explanations, e.g. {@code policy.csv}
   * @return the table
   * @throws org.gridgov.TextParseException listing every bad row with line, column, field and
   *     reason
   */
  public static PolicyTable parse(Reader in, String source) {
    return parse(in, source, InputLimits.defaults());
  }

  /**
   * Parses a policy table. The caller opens and closes the reader.
   *
   * @param in the text
   * @param source the source name for messages and explanations, e.g. {@code policy.csv}
   * @param limits the most characters, characters per record and records (the header included) read
   * @return the table
   * @throws org.gridgov.TextParseException listing every bad row with line, column, field and
   *     reason, or the limit the input exceeds
   */
  public static PolicyTable parse(Reader in, String source, InputLimits limits) {
    Problems problems = new Problems(source);
    CsvReader reader = new CsvReader(in, problems, true, limits);
    List<CsvReader.Row> records = new ArrayList<>();
    for (CsvReader.Row r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    List<Row> rows = new ArrayList<>();
    if (records.isEmpty()) {
      problems.add(0, 0, "", "", "empty policy: expected the header %s", HEADER);
    } else if (!String.join(",", records.get(0).fields()).strip().equals(HEADER)) {
      CsvReader.Row header = records.get(0);
      problems.add(
          header.line(),
          1,
          "header",
          String.join(",", header.fields()),
          "expected the header %s",
          HEADER);
    } else {
      for (CsvReader.Row r : records.subList(1, records.size())) {
        Row row = parseRow(r, problems);
        if (row != null) {
          rows.add(row);
        }
      }
    }
    problems.throwIfAny();
    return new PolicyTable(source, rows);
  }

  private static @Nullable Row parseRow(CsvReader.Row r, Problems p) {
    if (r.fields().size() != 6) {
      p.add(
          r.line(),
          0,
          "",
          String.join(",", r.fields()),
          "expected 6 fields (%s) but found %d",
          HEADER,
          r.fields().size());
      return null;
    }
    long before = p.count();
    int line = r.line();
    List<String> cats = parseCategories(r.fields().get(0), line, p);
    List<Long> regions = parseRegions(r.fields().get(1), line, p);
    EnumSet<Priority> prios = parsePriorities(r.fields().get(2), line, p);
    Points points = parsePoints(r.fields().get(3), line, p);
    List<String> holders = parseHolders(r.fields().get(4), line, p);
    Action action = parseAction(r.fields().get(5), line, p);
    if (p.count() != before || action == null) {
      return null;
    }
    return new Row(
        line,
        ImmutableList.copyOf(cats),
        ImmutableLongArray.copyOf(regions),
        Sets.immutableEnumSet(prios),
        Sets.immutableEnumSet(points.points()),
        points.minReports(),
        ImmutableList.copyOf(holders),
        action,
        String.join(",", r.fields()));
  }

  private static List<String> parseCategories(String field, int line, Problems p) {
    List<String> cats = new ArrayList<>();
    for (String c : alternatives(field)) {
      if (!c.chars().allMatch(ch -> ch >= '0' && ch <= '9') || c.isEmpty()) {
        p.add(
            line, 1, "category", c, "expected * or category code prefixes (digits) separated by |");
      }
      cats.add(c);
    }
    return cats;
  }

  private static List<Long> parseRegions(String field, int line, Problems p) {
    List<Long> regions = new ArrayList<>();
    for (String c : alternatives(field)) {
      try {
        long v = Long.parseLong(c);
        if (v <= 0) {
          throw new NumberFormatException();
        }
        regions.add(v);
      } catch (NumberFormatException e) {
        p.add(line, 2, "region", c, "expected * or region codes separated by |");
      }
    }
    return regions;
  }

  private static EnumSet<Priority> parsePriorities(String field, int line, Problems p) {
    EnumSet<Priority> prios = EnumSet.noneOf(Priority.class);
    for (String c : alternatives(field)) {
      try {
        prios.add(Priority.valueOf(c));
      } catch (IllegalArgumentException e) {
        p.add(
            line,
            3,
            "priority",
            c,
            "expected * or priorities %s separated by |",
            Arrays.toString(Priority.values()));
      }
    }
    return prios;
  }

  /** The decision points of a row and the report count a REPEAT_REPORT>=N point asks for. */
  private record Points(EnumSet<DecisionPoint> points, int minReports) {}

  private static Points parsePoints(String field, int line, Problems p) {
    EnumSet<DecisionPoint> points = EnumSet.noneOf(DecisionPoint.class);
    int minReports = 1;
    for (String c : alternatives(field)) {
      String name = c;
      if (c.startsWith("REPEAT_REPORT>=")) {
        name = "REPEAT_REPORT";
        try {
          minReports = Integer.parseInt(c.substring("REPEAT_REPORT>=".length()));
          if (minReports < 2) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          p.add(line, 4, "point", c, "expected REPEAT_REPORT>=N with N >= 2");
        }
      }
      try {
        points.add(DecisionPoint.valueOf(name));
      } catch (IllegalArgumentException e) {
        p.add(
            line,
            4,
            "point",
            c,
            "expected * or decision points %s separated by |",
            Arrays.toString(DecisionPoint.values()));
      }
    }
    return new Points(points, minReports);
  }

  private static List<String> parseHolders(String field, int line, Problems p) {
    List<String> holders = new ArrayList<>();
    for (String c : alternatives(field)) {
      if (!(c.equals("none") || isLevel(c) || isHandlerId(c))) {
        p.add(
            line,
            5,
            "holder",
            c,
            "expected *, none, a level %s or a handler id, separated by |",
            Arrays.toString(HandlerLevel.values()));
      }
      holders.add(c);
    }
    return holders;
  }

  private static List<String> alternatives(String field) {
    String f = field.trim();
    if (f.equals("*")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : f.split("\\|", -1)) {
      out.add(s.trim());
    }
    return out;
  }

  static boolean isLevel(String s) {
    for (HandlerLevel l : HandlerLevel.values()) {
      if (l.name().equals(s)) {
        return true;
      }
    }
    return false;
  }

  static boolean isHandlerId(String s) {
    return HANDLER_ID.matcher(s).matches();
  }

  static boolean isTarget(String s) {
    return s.equals("office")
        || s.equals("owner")
        || s.equals("holder")
        || (s.startsWith("office@") && isLevel(s.substring(7)))
        || isHandlerId(s);
  }

  private static @Nullable Action parseAction(String text, int line, Problems p) {
    String[] w = WHITESPACE.split(text.trim(), -1);
    String verb = w[0];
    return switch (verb) {
      case "assign" -> parseAssign(text, w, line, p);
      case "escalate" -> parseEscalate(text, w, line, p);
      case "summon" -> parseSummon(text, w, line, p);
      case "reject" -> parseReject(text, line, p);
      default -> {
        p.add(line, 6, "action", verb, "expected an action: assign, escalate, summon or reject");
        yield null;
      }
    };
  }

  /** {@code assign <lead> [assist <targets>]}. */
  private static @Nullable Action parseAssign(String text, String[] w, int line, Problems p) {
    if (w.length < 2 || !isTarget(w[1])) {
      p.add(
          line,
          6,
          "action",
          text,
          "assign needs a target: a handler id, office, office@LEVEL or owner");
      return null;
    }
    List<String> assists = new ArrayList<>();
    int i = 2;
    while (i < w.length) {
      if (w[i].equals("assist")) {
        i++;
        while (i < w.length && !w[i].equals("sla")) {
          if (!isTarget(w[i]) && !w[i].equals("assistants")) {
            p.add(
                line,
                6,
                "action",
                w[i],
                "expected an assisting handler id, office@LEVEL, owner or assistants");
            return null;
          }
          assists.add(w[i++]);
        }
      } else if (w[i].equals("sla")) {
        // Refused, not ignored: the profile was never applied, so a table naming one is told.
        p.add(
            line,
            6,
            "action",
            text,
            "'sla <profile>' was removed from assign actions: the engine never applied it; the"
                + " SLA policy chooses the limits itself, by stage, category, priority and"
                + " urban/rural class (docs/sla.md); delete 'sla' and its profile from this"
                + " action");
        return null;
      } else {
        p.add(line, 6, "action", w[i], "expected 'assist <targets>' after the lead");
        return null;
      }
    }
    return new Action(
        ActionKind.ASSIGN,
        w[1],
        ImmutableList.copyOf(assists),
        ImmutableList.of(),
        Duration.ZERO,
        "");
  }

  /** {@code escalate [<target>]}. */
  private static @Nullable Action parseEscalate(String text, String[] w, int line, Problems p) {
    String target = w.length > 1 ? w[1] : "up";
    if (w.length > 2 || !(target.equals("up") || isTarget(target))) {
      p.add(line, 6, "action", text, "expected 'escalate' or 'escalate <target>'");
      return null;
    }
    return new Action(
        ActionKind.ESCALATE, target, ImmutableList.of(), ImmutableList.of(), Duration.ZERO, "");
  }

  /** {@code summon <ids> within <duration>}. */
  private static @Nullable Action parseSummon(String text, String[] w, int line, Problems p) {
    List<String> ids = new ArrayList<>();
    int i = 1;
    while (i < w.length && !w[i].equals("within")) {
      if (!isHandlerId(w[i])) {
        p.add(line, 6, "action", w[i], "expected a summoned handler id");
        return null;
      }
      ids.add(w[i++]);
    }
    if (ids.isEmpty() || i + 2 != w.length) {
      p.add(
          line,
          6,
          "action",
          text,
          "expected 'summon <ids> within <ISO-8601 duration, e.g. PT30M>'");
      return null;
    }
    Duration within;
    try {
      within = Duration.parse(w[i + 1]);
    } catch (DateTimeParseException e) {
      p.add(line, 6, "action", w[i + 1], "expected an ISO-8601 duration such as PT30M");
      return null;
    }
    if (within.isZero() || within.isNegative() || ids.stream().distinct().count() != ids.size()) {
      p.add(
          line,
          6,
          "action",
          text,
          "the limit must be positive and the summoned ids must not repeat");
      return null;
    }
    return new Action(
        ActionKind.SUMMON, "", ImmutableList.of(), ImmutableList.copyOf(ids), within, "");
  }

  /** {@code reject <reason>}. */
  private static @Nullable Action parseReject(String text, int line, Problems p) {
    String reason = text.trim().substring("reject".length()).trim();
    if (reason.isEmpty()) {
      p.add(line, 6, "action", text, "reject needs a reason");
      return null;
    }
    return new Action(
        ActionKind.REJECT, "", ImmutableList.of(), ImmutableList.of(), Duration.ZERO, reason);
  }

  /**
   * Returns the source name.
   *
   * @return the name given to {@link #parse}
   */
  public String source() {
    return source;
  }

  /**
   * Returns the rows in order.
   *
   * @return the rows
   */
  public ImmutableList<Row> rows() {
    return rows;
  }

  /**
   * Checks the table against a graph and compiles it.
   *
   * @param graph the routing graph
   * @return the policy
   * @throws org.gridgov.TextParseException naming every row that refers to an unknown handler or
   *     region
   */
  public TablePolicy compile(RoutingGraph graph) {
    return new TablePolicy(this, graph);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PolicyTable[%s, %d rows]", source, rows.size());
  }
}
