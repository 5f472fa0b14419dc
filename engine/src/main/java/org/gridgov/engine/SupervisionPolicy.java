package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridgov.sla.SlaLimit;
import org.jspecify.annotations.Nullable;

/**
 * The engine's rules for supervision (督办), repeat reports (重复上报) and satisfaction visits (回访):
 * data, not code. The supervision levels (e.g. 一般督办, 重点督办, 挂牌督办) in escalation order, each with the
 * limit of its deadline; the automatic supervision rules; the repeat-report rule; the visit rule.
 *
 * <p>The text form ({@link #parse}), one rule per line, {@code #} starts a comment:
 *
 * <pre>
 * level 一般督办 working-days 5 end-of-working-day   # name, then an SLA limit (SlaLimit.parse)
 * level 重点督办 working-days 3 end-of-working-day
 * level 挂牌督办 natural PT24H
 * auto breaches 2 一般督办           # supervise at the 2nd SLA breach of a case
 * auto returns 2 一般督办            # ... at its 2nd return (退单)
 * auto repeat-while-open 重点督办    # ... when it is reported again while open
 * repeat window P30D within 50m reopen   # link repeats within 50 m (or the same unit without a
 *                                        # point); a case closed within 30 days is reopened
 *                                        # (or: link; or suggest a merge to the dispatcher)
 * visit dissatisfied reopen        # a not-satisfied visit reopens the case (or: keep)
 * </pre>
 *
 * <p>Without a {@code repeat} line every report is a case of its own; without {@code auto} lines
 * nothing is supervised automatically; without a {@code visit} line a visit never reopens.
 * Immutable.
 */
public final class SupervisionPolicy {
  private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern MINUTES = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?m");

  /**
   * A supervision level.
   *
   * @param name the level's name, e.g. 重点督办
   * @param limit the limit of the supervision's deadline, from its opening (or escalation)
   */
  public record Level(String name, SlaLimit limit) {
    /**
     * Validates.
     *
     * @param name the name component
     * @param limit the limit component
     */
    public Level {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(limit, "limit");
      checkArgument(!name.isBlank() && name.equals(name.strip()), "bad level name \"%s\"", name);
      checkArgument(name.indexOf(' ') < 0, "a level name has no spaces: \"%s\"", name);
    }
  }

  /** What a repeat report does. */
  public enum ClosedRepeat {
    /** Link the report (the count grows) and leave a closed case closed. */
    LINK,
    /** Link the report and reopen a closed case (返工). */
    REOPEN,
    /**
     * Do not link: the new report stays a case of its own and records {@code MergeSuggested} for
     * the dispatcher, who accepts ({@code Command.DecideMerge}: the report is linked as with {@link
     * #REOPEN}) or declines it.
     */
    SUGGEST
  }

  /**
   * The repeat-report rule: a report of the same category as an open case, or as a case closed at
   * most {@code window} before, at the same place is linked to that case. The same place: within
   * {@code radiusMetres} when both were reported at a point and the rule has a radius, otherwise
   * the same first location code (the unit).
   *
   * @param window how long after closing a case still takes repeats
   * @param closed what a repeat does ({@code reopen}, {@code link} or {@code suggest})
   * @param radiusMetres the distance within which two reported points are the same place, if the
   *     rule matches by distance
   */
  public record RepeatRule(Duration window, ClosedRepeat closed, OptionalDouble radiusMetres) {
    /**
     * Validates.
     *
     * @param window the window component
     * @param closed the closed component
     * @param radiusMetres the radius component
     */
    public RepeatRule {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(closed, "closed");
      Objects.requireNonNull(radiusMetres, "radiusMetres");
      checkArgument(!window.isNegative(), "the repeat window must not be negative: %s", window);
      checkArgument(
          radiusMetres.isEmpty()
              || (radiusMetres.getAsDouble() > 0
                  && radiusMetres.getAsDouble() <= MAX_RADIUS_METRES),
          "the repeat radius must be more than 0 and at most %s m: %s",
          MAX_RADIUS_METRES,
          radiusMetres);
    }

    /**
     * A rule matching by unit only.
     *
     * @param window how long after closing a case still takes repeats
     * @param closed what a repeat does
     */
    public RepeatRule(Duration window, ClosedRepeat closed) {
      this(window, closed, OptionalDouble.empty());
    }
  }

  /** The largest repeat radius, in metres: 10 km (beyond it "the same place" means little). */
  public static final double MAX_RADIUS_METRES = 10_000;

  /**
   * An automatic supervision rule.
   *
   * @param threshold the count that triggers it (breaches or returns; 1 for repeat-while-open)
   * @param level the level it opens at
   */
  public record AutoRule(int threshold, String level) {
    /**
     * Validates.
     *
     * @param threshold the threshold component
     * @param level the level component
     */
    public AutoRule {
      Objects.requireNonNull(level, "level");
      checkArgument(threshold >= 1, "an automatic rule's threshold must be >= 1: %s", threshold);
    }
  }

  private static final SupervisionPolicy NONE =
      new SupervisionPolicy(ImmutableList.of(), null, null, null, null, false);

  private final ImmutableList<Level> levels;
  private final @Nullable AutoRule onBreaches;
  private final @Nullable AutoRule onReturns;
  private final @Nullable AutoRule onRepeatWhileOpen;
  private final @Nullable RepeatRule repeat;
  private final boolean reopenOnDissatisfied;

  private SupervisionPolicy(
      ImmutableList<Level> levels,
      @Nullable AutoRule onBreaches,
      @Nullable AutoRule onReturns,
      @Nullable AutoRule onRepeatWhileOpen,
      @Nullable RepeatRule repeat,
      boolean reopenOnDissatisfied) {
    Set<String> names = new HashSet<>();
    for (Level l : levels) {
      checkArgument(names.add(l.name()), "supervision level %s is defined twice", l.name());
    }
    for (@Nullable AutoRule r :
        new @Nullable AutoRule[] {onBreaches, onReturns, onRepeatWhileOpen}) {
      checkArgument(
          r == null || names.contains(r.level()),
          "automatic supervision at level %s, which is not one of the levels %s",
          r == null ? "" : r.level(),
          names);
    }
    this.levels = levels;
    this.onBreaches = onBreaches;
    this.onReturns = onReturns;
    this.onRepeatWhileOpen = onRepeatWhileOpen;
    this.repeat = repeat;
    this.reopenOnDissatisfied = reopenOnDissatisfied;
  }

  /**
   * The policy with no levels and no rules: nothing can be supervised, every report is its own
   * case, a visit never reopens. The engine's default.
   *
   * @return the empty policy
   */
  public static SupervisionPolicy none() {
    return NONE;
  }

  /**
   * Parses the text form (see the class comment).
   *
   * @param text the policy text
   * @param source where the text came from, for messages (e.g. a file name)
   * @return the policy
   * @throws IllegalArgumentException naming the source, line, field and the expected form of the
   *     first bad line; nothing is half-built
   */
  public static SupervisionPolicy parse(String text, String source) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    List<Level> levels = new ArrayList<>();
    @Nullable AutoRule[] auto = new AutoRule[3];
    @Nullable RepeatRule repeat = null;
    boolean reopen = false;
    String[] lines = LINE_BREAK.split(text, -1);
    for (int i = 0; i < lines.length; i++) {
      Line l = new Line(source, i + 1, lines[i]);
      if (l.fields.isEmpty()) {
        continue;
      }
      switch (l.field(1, "keyword", "level, auto, repeat or visit")) {
        case "level" -> levels.add(l.level(levels));
        case "auto" -> l.auto(auto, levels);
        case "repeat" -> repeat = l.repeat(repeat);
        case "visit" -> reopen = l.visit();
        default -> throw l.bad(1, "keyword", "level, auto, repeat or visit");
      }
    }
    return new SupervisionPolicy(
        ImmutableList.copyOf(levels), auto[0], auto[1], auto[2], repeat, reopen);
  }

  /** One line of the text form being parsed. */
  private static final class Line {
    private final String source;
    private final int number;
    private final List<String> fields = new ArrayList<>();

    Line(String source, int number, String raw) {
      this.source = source;
      this.number = number;
      int hash = raw.indexOf('#');
      String body = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (!body.isEmpty()) {
        fields.addAll(List.of(WHITESPACE.split(body)));
      }
    }

    String field(int index, String name, String expected) {
      if (fields.size() < index) {
        throw bad(index, name, expected);
      }
      return fields.get(index - 1);
    }

    IllegalArgumentException bad(int index, String name, String expected) {
      String got = fields.size() >= index ? "\"" + fields.get(index - 1) + "\"" : "nothing";
      return new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s line %d field %d (%s): got %s; expected %s",
              source,
              number,
              index,
              name,
              got,
              expected));
    }

    void expectFields(int count, String form) {
      if (fields.size() != count) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s line %d: %d fields; expected %d: %s",
                source,
                number,
                fields.size(),
                count,
                form));
      }
    }

    Level level(List<Level> sofar) {
      String name = field(2, "level name", "a level name, then an SLA limit");
      for (Level l : sofar) {
        if (l.name().equals(name)) {
          throw bad(2, "level name", "a name not defined before (line defines " + name + " again)");
        }
      }
      String limit = String.join(" ", fields.subList(Math.min(2, fields.size()), fields.size()));
      try {
        return new Level(name, SlaLimit.parse(limit));
      } catch (IllegalArgumentException e) {
        throw bad(3, "limit", "an SLA limit (" + e.getMessage() + ")");
      }
    }

    void auto(@Nullable AutoRule[] auto, List<Level> levels) {
      String kind = field(2, "rule", "breaches, returns or repeat-while-open");
      int slot;
      int threshold;
      int levelField;
      switch (kind) {
        case "breaches", "returns" -> {
          expectFields(4, "auto " + kind + " <count >= 1> <level>");
          slot = kind.equals("breaches") ? 0 : 1;
          threshold = positive(3, "count");
          levelField = 4;
        }
        case "repeat-while-open" -> {
          expectFields(3, "auto repeat-while-open <level>");
          slot = 2;
          threshold = 1;
          levelField = 3;
        }
        default -> throw bad(2, "rule", "breaches, returns or repeat-while-open");
      }
      String level = fields.get(levelField - 1);
      if (levels.stream().noneMatch(l -> l.name().equals(level))) {
        throw bad(levelField, "level", "a level defined on an earlier line");
      }
      if (auto[slot] != null) {
        throw bad(2, "rule", "each automatic rule once (" + kind + " is given twice)");
      }
      auto[slot] = new AutoRule(threshold, level);
    }

    RepeatRule repeat(@Nullable RepeatRule before) {
      String form =
          "repeat window <ISO duration, e.g. P30D> [within <metres>m] reopen|link|suggest";
      if (fields.size() != 4 && fields.size() != 6) {
        expectFields(fields.size() < 4 ? 4 : 6, form);
      }
      if (before != null) {
        throw bad(1, "keyword", "one repeat line (given twice)");
      }
      Duration window;
      try {
        window = Duration.parse(fields.get(2));
      } catch (DateTimeParseException e) {
        throw bad(3, "window", "an ISO-8601 duration such as P30D");
      }
      if (!fields.get(1).equals("window")) {
        throw bad(2, "window keyword", "the word window");
      }
      if (window.isNegative()) {
        throw bad(3, "window", "a duration not negative");
      }
      OptionalDouble radius = OptionalDouble.empty();
      if (fields.size() == 6) {
        if (!fields.get(3).equals("within")) {
          throw bad(4, "within keyword", "the word within");
        }
        radius = OptionalDouble.of(metres(5));
      }
      int actionField = fields.size();
      ClosedRepeat action =
          switch (fields.get(actionField - 1)) {
            case "reopen" -> ClosedRepeat.REOPEN;
            case "link" -> ClosedRepeat.LINK;
            case "suggest" -> ClosedRepeat.SUGGEST;
            default -> throw bad(actionField, "action", "reopen, link or suggest");
          };
      return new RepeatRule(window, action, radius);
    }

    private double metres(int index) {
      String f = fields.get(index - 1);
      String expected =
          "a distance in metres such as 50m, more than 0 and at most " + (int) MAX_RADIUS_METRES;
      if (!MINUTES.matcher(f).matches()) {
        throw bad(index, "radius", expected);
      }
      double m = Double.parseDouble(f.substring(0, f.length() - 1));
      if (m > 0 && m <= MAX_RADIUS_METRES) {
        return m;
      }
      throw bad(index, "radius", expected);
    }

    boolean visit() {
      expectFields(3, "visit dissatisfied reopen|keep");
      if (!fields.get(1).equals("dissatisfied")) {
        throw bad(2, "answer", "the word dissatisfied");
      }
      return switch (fields.get(2)) {
        case "reopen" -> true;
        case "keep" -> false;
        default -> throw bad(3, "action", "reopen or keep");
      };
    }

    private int positive(int index, String name) {
      try {
        int n = Integer.parseInt(fields.get(index - 1));
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(index, name, "a whole number >= 1");
    }
  }

  /**
   * Returns the levels in escalation order (the lowest first).
   *
   * @return the levels
   */
  public ImmutableList<Level> levels() {
    return levels;
  }

  /**
   * Returns a level by name.
   *
   * @param name the name
   * @return the level, or empty if the policy has no such level
   */
  public Optional<Level> level(String name) {
    return levels.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /**
   * Returns the level after a level in escalation order.
   *
   * @param name the level
   * @return the next level, or empty at the top (or for an unknown name)
   */
  public Optional<Level> next(String name) {
    for (int i = 0; i + 1 < levels.size(); i++) {
      if (levels.get(i).name().equals(name)) {
        return Optional.of(levels.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the rule that supervises a case at its N-th SLA breach (any clock but the supervision's
   * own).
   *
   * @return the rule, if any
   */
  public Optional<AutoRule> onBreaches() {
    return Optional.ofNullable(onBreaches);
  }

  /**
   * Returns the rule that supervises a case at its N-th return (退单).
   *
   * @return the rule, if any
   */
  public Optional<AutoRule> onReturns() {
    return Optional.ofNullable(onReturns);
  }

  /**
   * Returns the rule that supervises a case reported again while open.
   *
   * @return the rule, if any
   */
  public Optional<AutoRule> onRepeatWhileOpen() {
    return Optional.ofNullable(onRepeatWhileOpen);
  }

  /**
   * Returns the repeat-report rule.
   *
   * @return the rule, or empty when every report is a case of its own
   */
  public Optional<RepeatRule> repeat() {
    return Optional.ofNullable(repeat);
  }

  /**
   * Returns whether a reached, not-satisfied visit reopens the case.
   *
   * @return whether it reopens
   */
  public boolean reopenOnDissatisfied() {
    return reopenOnDissatisfied;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SupervisionPolicy[levels %s, breaches %s, returns %s, repeat-while-open %s, repeat %s,"
            + " reopen on dissatisfied %s]",
        levels.stream().map(Level::name).toList(),
        onBreaches,
        onReturns,
        onRepeatWhileOpen,
        repeat,
        reopenOnDissatisfied);
  }
}
