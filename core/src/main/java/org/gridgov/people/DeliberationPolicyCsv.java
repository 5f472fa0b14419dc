package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.gridgov.region.RegionLevel;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link DeliberationPolicy} from CSV (大事大议、小事小议、急事快议 as data).
 *
 * <h2>Format</h2>
 *
 * RFC 4180 CSV (UTF-8, {@code #} comment lines), a header naming the columns in any order: {@code
 * rule} (required), {@code body}, {@code zh}, {@code kind}, {@code level}, {@code members}, {@code
 * quorum}, {@code cadence}, {@code size}, {@code category}. Three kinds of row:
 *
 * <ul>
 *   <li>{@code body}: a body with its id ({@code body}), Chinese name ({@code zh}), {@code kind}
 *       ({@code deliberation} or {@code mediation}), the region {@code level} it sits for ({@code
 *       grid}, {@code community}, ...), its member roles ({@code members}, role codes separated by
 *       spaces or {@code ;}), its {@code quorum} ({@code 2/3}) and {@code cadence} ({@code monthly
 *       10 14:30}, {@code weekly wednesday 15:00} or {@code within PT4H}, an ISO-8601 duration up
 *       to a year);
 *   <li>{@code route}: matters of a {@code size} ({@code small}, {@code big}, {@code urgent}) go to
 *       a deliberation {@code body} (each size once; every size needs one);
 *   <li>{@code size}: matters whose category starts with {@code category} (1 to 16 digits) have
 *       that {@code size}.
 * </ul>
 *
 * <p>Every bad row is reported with source, line, column, field and the rule, and the whole input
 * is read before one {@link TextParseException} with all problems is thrown; nothing is returned
 * then. No field of this format names a person.
 */
public final class DeliberationPolicyCsv {
  private static final Pattern CODE_SEPARATORS = Pattern.compile("[ ;]+");

  /** The columns, the required one first. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of(
          "rule",
          "body",
          "zh",
          "kind",
          "level",
          "members",
          "quorum",
          "cadence",
          "size",
          "category");

  /** Limits: a policy is small; 1 MiB and 10,000 rows. */
  public static final InputLimits DEFAULT_LIMITS =
      InputLimits.defaults().withMaxChars(1L << 20).withMaxRows(10_000);

  private static final int RULE = 0;
  private static final int BODY = 1;
  private static final int ZH = 2;
  private static final int KIND = 3;
  private static final int LEVEL = 4;
  private static final int MEMBERS = 5;
  private static final int QUORUM = 6;
  private static final int CADENCE = 7;
  private static final int SIZE = 8;
  private static final int CATEGORY = 9;

  private DeliberationPolicyCsv() {}

  /**
   * Reads a policy with {@link #DEFAULT_LIMITS}.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param roles the staff roles member roles must be among
   * @return the policy
   * @throws TextParseException with every problem, if any
   */
  public static DeliberationPolicy read(Reader in, String sourceName, StaffRoles roles) {
    return read(in, sourceName, roles, DEFAULT_LIMITS);
  }

  /**
   * Reads a policy.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param roles the staff roles member roles must be among
   * @param limits the input limits (characters, line length, rows)
   * @return the policy
   * @throws TextParseException with every problem, if any
   */
  public static DeliberationPolicy read(
      Reader in, String sourceName, StaffRoles roles, InputLimits limits) {
    Objects.requireNonNull(roles, "roles");
    Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
    CsvReader csv = Columns.open(in, problems, limits);
    int[] col = Columns.header(csv, problems, HEADER, 1);
    Reading r = new Reading(col, roles, problems);
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      r.row(row);
    }
    return r.finish();
  }

  /** The state of one read: the builder and where each body, route and prefix was defined. */
  private static final class Reading {
    private final int[] col;
    private final StaffRoles roles;
    private final Problems problems;
    private final DeliberationPolicy.Builder b = DeliberationPolicy.builder();
    private final Map<String, DeliberationBody> bodies = new HashMap<>();
    private final Map<String, Integer> bodyLines = new HashMap<>();
    private final Map<MatterSize, Integer> routeLines = new EnumMap<>(MatterSize.class);
    private final Map<String, Integer> prefixLines = new HashMap<>();

    Reading(int[] col, StaffRoles roles, Problems problems) {
      this.col = col;
      this.roles = roles;
      this.problems = problems;
    }

    void row(CsvReader.Row row) {
      String rule = field(row, RULE);
      switch (rule) {
        case "body" -> body(row);
        case "route" -> route(row);
        case "size" -> size(row);
        default -> problem(row, RULE, rule, "expected body, route or size");
      }
    }

    private void body(CsvReader.Row row) {
      String id = field(row, BODY);
      if (!PeopleCodes.isCode(id)) {
        problem(row, BODY, id, "a body id is 1 to 64 characters of a-z 0-9 _ -");
        return;
      }
      Integer before = bodyLines.get(id);
      if (before != null) {
        problem(row, BODY, id, "body %s is defined on line %d already", id, before);
        return;
      }
      String zh = field(row, ZH);
      if (zh.isEmpty() || zh.length() > 64) {
        problem(row, ZH, zh, "a body needs a Chinese name of 1 to 64 characters");
      }
      BodyKind kind = parseEnum(row, KIND, BodyKind.class, "deliberation or mediation");
      RegionLevel level = parseEnum(row, LEVEL, RegionLevel.class, "a region level such as grid");
      ImmutableSet<String> members = members(row);
      int[] quorum = quorum(row);
      Cadence cadence = cadence(row);
      if (zh.isEmpty()
          || zh.length() > 64
          || kind == null
          || level == null
          || members == null
          || quorum == null
          || cadence == null) {
        return;
      }
      DeliberationBody body =
          new DeliberationBody(id, zh, kind, level, members, quorum[0], quorum[1], cadence);
      b.body(body);
      bodies.put(id, body);
      bodyLines.put(id, row.line());
    }

    private void route(CsvReader.Row row) {
      MatterSize size = parseEnum(row, SIZE, MatterSize.class, "small, big or urgent");
      String id = field(row, BODY);
      DeliberationBody body = bodies.get(id);
      if (body == null) {
        problem(
            row, BODY, id, "no body %s is defined above; bodies are %s", id, bodyLines.keySet());
      } else if (body.kind() != BodyKind.DELIBERATION) {
        problem(
            row,
            BODY,
            id,
            "body %s is a %s body; a size goes to a deliberation body",
            id,
            body.kind());
      }
      if (size == null || body == null || body.kind() != BodyKind.DELIBERATION) {
        return;
      }
      Integer before = routeLines.putIfAbsent(size, row.line());
      if (before != null) {
        problem(
            row, SIZE, field(row, SIZE), "%s matters are routed on line %d already", size, before);
        return;
      }
      b.route(size, id);
    }

    private void size(CsvReader.Row row) {
      String prefix = field(row, CATEGORY);
      MatterSize size = parseEnum(row, SIZE, MatterSize.class, "small, big or urgent");
      if (!PeopleCodes.isCategoryPrefix(prefix)) {
        problem(row, CATEGORY, prefix, "a category prefix is 1 to 16 digits");
        return;
      }
      Integer before = prefixLines.putIfAbsent(prefix, row.line());
      if (before != null) {
        problem(row, CATEGORY, prefix, "category %s is sized on line %d already", prefix, before);
      } else if (size != null) {
        b.size(prefix, size);
      }
    }

    private @Nullable ImmutableSet<String> members(CsvReader.Row row) {
      String text = field(row, MEMBERS);
      ImmutableSet.Builder<String> out = ImmutableSet.builder();
      boolean ok = true;
      int n = 0;
      for (String code : CODE_SEPARATORS.split(text, -1)) {
        if (code.isEmpty()) {
          continue;
        }
        n++;
        if (roles.find(code).isEmpty()) {
          problem(row, MEMBERS, code, "unknown role; known roles are %s", codes());
          ok = false;
        }
        out.add(code);
      }
      if (n == 0) {
        problem(row, MEMBERS, text, "a body needs member roles, e.g. grid_leader;party_contact");
      }
      return ok && n > 0 ? out.build() : null;
    }

    private int @Nullable [] quorum(CsvReader.Row row) {
      String text = field(row, QUORUM);
      int slash = text.indexOf('/');
      int n = slash < 0 ? -1 : Numbers.parse(text.substring(0, slash), 1000);
      int d = slash < 0 ? -1 : Numbers.parse(text.substring(slash + 1), 1000);
      if (n < 1 || d < n) {
        problem(row, QUORUM, text, "expected a fraction n/d with 1 <= n <= d <= 1000, e.g. 2/3");
        return null;
      }
      return new int[] {n, d};
    }

    private @Nullable Cadence cadence(CsvReader.Row row) {
      String text = field(row, CADENCE);
      String[] w = text.split(" +", -1);
      try {
        if (w.length == 3 && w[0].equals("monthly")) {
          int day = Numbers.parse(w[1], 31);
          if (day >= 1) {
            return Cadence.monthly(day, LocalTime.parse(w[2]));
          }
        } else if (w.length == 3 && w[0].equals("weekly")) {
          return Cadence.weekly(
              DayOfWeek.valueOf(w[1].toUpperCase(Locale.ROOT)), LocalTime.parse(w[2]));
        } else if (w.length == 2 && w[0].equals("within")) {
          Duration limit = Duration.parse(w[1]);
          if (!limit.isNegative()
              && !limit.isZero()
              && limit.compareTo(Duration.ofDays(366)) <= 0) {
            return Cadence.within(limit);
          }
        }
      } catch (DateTimeException | IllegalArgumentException e) {
        // reported below
      }
      problem(
          row,
          CADENCE,
          text,
          "expected 'monthly <day 1-31> <HH:MM>', 'weekly <weekday> <HH:MM>' or 'within <ISO-8601"
              + " duration up to a year>', e.g. monthly 10 14:30, weekly wednesday 15:00, within"
              + " PT4H");
      return null;
    }

    private <E extends Enum<E>> @Nullable E parseEnum(
        CsvReader.Row row, int which, Class<E> type, String expected) {
      String text = field(row, which);
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text)) {
          return e;
        }
      }
      problem(row, which, text, "expected %s", expected);
      return null;
    }

    DeliberationPolicy finish() {
      for (MatterSize s : MatterSize.values()) {
        if (!routeLines.containsKey(s)) {
          problems.add(0, 0, "size", "", "no route row sends %s matters to a body", s);
        }
      }
      problems.throwIfAny();
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        problems.add(0, 0, "", "", "%s", String.valueOf(e.getMessage()));
        problems.throwIfAny();
        throw e;
      }
    }

    private String field(CsvReader.Row row, int which) {
      return Columns.get(row, col, which).trim();
    }

    private Object codes() {
      return roles.all().stream().map(StaffRole::code).toList();
    }

    @FormatMethod
    private void problem(
        CsvReader.Row row, int which, String value, @FormatString String rule, Object... args) {
      problems.add(row.line(), Columns.column(col, which), HEADER.get(which), value, rule, args);
    }
  }
}
