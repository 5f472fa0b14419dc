package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.gridgov.InputLimits;
import org.gridgov.casefile.Priority;
import org.gridgov.internal.Problems;
import org.gridgov.internal.TextLines;
import org.gridgov.region.UrbanRuralClass;
import org.jspecify.annotations.Nullable;

/**
 * Which limit applies to a stage of a case, chosen by the case's category code, priority and region
 * class, with warning levels, and what transfers and returns do to handler clocks.
 *
 * <h2>Selection</h2>
 *
 * A rule matches a case when its stage is the stage asked for, the case's category code starts with
 * the rule's prefix ({@code ""} matches every code), its priority (if set) equals the case's, and
 * its region classes (if any) contain the case's. Among matching rules the most specific wins,
 * compared in this order: the longer category prefix, then a set priority, then a set region class;
 * among equally specific rules the first declared wins. Two rules with exactly the same stage and
 * selectors are refused at build time.
 *
 * <h2>Text format</h2>
 *
 * {@link #parse} reads one declaration per line; {@code #} starts a comment line; fields are
 * separated by blanks:
 *
 * <pre>
 * levels   yellow@0.8 red@1.0                     # default warning levels
 * transfer RESTART                                # rule for handler clocks on a transfer (default KEEP)
 * return   KEEP                                   # rule for handler clocks on a return (default KEEP)
 * escalate-after-returns 2                        # the 2nd return escalates (default: never)
 * extensions 2 5                                  # at most 2 extensions of at most 5 days each (default: none)
 * handle   0102 URGENT *          working PT4H                      | yellow@0.75 soon@-PT1H
 * handle   01   *      VILLAGE    working-days 7 end-of-working-day
 * whole-case *  *      MAIN_URBAN,URBAN_RURAL_FRINGE working-days 5 same-clock-time
 * </pre>
 *
 * {@code transfer} and {@code return} say what an escalation (转办) and a return (退单) do to the lead
 * handler's clock ({@link TransferRule}); {@code escalate-after-returns N} ({@code N >= 1}) makes
 * the N-th return of a case an escalation instead of a re-dispatch (see {@link
 * #returnsBeforeEscalation()}); {@code extensions N D} allows a case at most {@code N} extensions
 * (延期), each of at most {@code D} days (see {@link #maxExtensions()}).
 *
 * <p>A rule line is: stage ({@code register|dispatch|handle|check|whole-case}), category prefix or
 * {@code *}, {@link Priority} name or {@code *}, comma-separated {@link UrbanRuralClass} names or
 * {@code *}, a limit in {@link SlaLimit#parse} form, and optionally {@code |} followed by warning
 * levels ({@code name@fraction} or {@code name@-<ISO duration before the deadline>}) that replace
 * the default levels for that rule.
 *
 * <p>A category prefix is digits, at most {@value #MAX_PREFIX_LENGTH} of them; a list of warning
 * levels holds at most {@value #MAX_WARNING_LEVELS}; a limit is at most {@link
 * SlaLimit#MAX_DURATION} or {@value SlaLimit#MAX_WORKING_DAYS} working days. A text may start with
 * a UTF-8 byte-order mark. The reader stops at the {@link InputLimits} it is given ({@link
 * InputLimits#defaults()} unless told otherwise).
 */
public final class SlaPolicy {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The largest count or length {@code extensions} accepts. */
  public static final int MAX_EXTENSION_VALUE = 1000;

  /** The largest count {@code escalate-after-returns} accepts. */
  public static final int MAX_RETURNS_BEFORE_ESCALATION = 1000;

  /** The most warning levels in one list (a clock keeps which levels fired in one {@code long}). */
  public static final int MAX_WARNING_LEVELS = 64;

  /**
   * The longest category prefix: the longest code a {@link org.gridgov.category.CategoryCodeScheme}
   * allows.
   */
  public static final int MAX_PREFIX_LENGTH = 36;

  /**
   * One rule.
   *
   * @param stage the stage it sets a limit for
   * @param categoryPrefix the category code prefix it applies to; {@code ""} for all
   * @param priority the priority it applies to, or empty for all
   * @param regions the region classes it applies to, or empty for all
   * @param limit the limit
   * @param levels its warning levels; empty means the policy's default levels
   */
  public record Rule(
      SlaStage stage,
      String categoryPrefix,
      Optional<Priority> priority,
      ImmutableSet<UrbanRuralClass> regions,
      SlaLimit limit,
      ImmutableList<WarningLevel> levels) {

    /**
     * Validates the rule.
     *
     * @param stage the stage it sets a limit for
     * @param categoryPrefix the category code prefix it applies to; {@code ""} for all
     * @param priority the priority it applies to, or empty for all
     * @param regions the region classes it applies to, or empty for all
     * @param limit the limit
     * @param levels its warning levels; empty means the policy's default levels
     * @throws IllegalArgumentException if the category prefix is not digits (at most {@value
     *     #MAX_PREFIX_LENGTH}) or there are more than {@value #MAX_WARNING_LEVELS} warning levels
     */
    public Rule {
      checkArgument(prefixProblem(categoryPrefix) == null, "%s", prefixProblem(categoryPrefix));
      checkArgument(
          levels.size() <= MAX_WARNING_LEVELS,
          "at most %s warning levels but got %s",
          MAX_WARNING_LEVELS,
          levels.size());
    }

    /**
     * Returns a rule for every case at a stage.
     *
     * @param stage the stage
     * @param limit the limit
     * @return the rule
     */
    public static Rule of(SlaStage stage, SlaLimit limit) {
      return new Rule(stage, "", Optional.empty(), ImmutableSet.of(), limit, ImmutableList.of());
    }

    /**
     * Returns this rule restricted to a category code prefix.
     *
     * @param prefix e.g. {@code 0102}
     * @return the rule
     */
    public Rule forCategory(String prefix) {
      return new Rule(stage, prefix, priority, regions, limit, levels);
    }

    /**
     * Returns this rule restricted to a priority.
     *
     * @param p the priority
     * @return the rule
     */
    public Rule forPriority(Priority p) {
      return new Rule(stage, categoryPrefix, Optional.of(p), regions, limit, levels);
    }

    /**
     * Returns this rule restricted to region classes.
     *
     * @param classes the classes, at least one
     * @return the rule
     */
    public Rule forRegions(Collection<UrbanRuralClass> classes) {
      checkArgument(!classes.isEmpty(), "forRegions needs at least one class");
      return new Rule(
          stage, categoryPrefix, priority, Sets.immutableEnumSet(classes), limit, levels);
    }

    /**
     * Returns this rule with its own warning levels.
     *
     * @param l the levels
     * @return the rule
     */
    public Rule withLevels(List<WarningLevel> l) {
      return new Rule(stage, categoryPrefix, priority, regions, limit, ImmutableList.copyOf(l));
    }

    boolean matches(SlaStage s, String code, Priority p, UrbanRuralClass r) {
      return stage == s
          && code.startsWith(categoryPrefix)
          && (priority.isEmpty() || priority.get() == p)
          && (regions.isEmpty() || regions.contains(r));
    }

    int specificity() {
      return categoryPrefix.length() * 4
          + (priority.isPresent() ? 2 : 0)
          + (regions.isEmpty() ? 0 : 1);
    }

    boolean sameSelector(Rule o) {
      return stage == o.stage
          && categoryPrefix.equals(o.categoryPrefix)
          && priority.equals(o.priority)
          && regions.equals(o.regions);
    }
  }

  /** Returns why a category prefix is not valid, or {@code null} if it is. */
  static @Nullable String prefixProblem(String prefix) {
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      return String.format(
          Locale.ROOT,
          "a category prefix has at most %d digits but \"%s\u2026\" has %d",
          MAX_PREFIX_LENGTH,
          prefix.substring(0, 8),
          prefix.length());
    }
    if (!prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return String.format(
          Locale.ROOT, "a category prefix is * or digits (e.g. 0102) but was \"%s\"", prefix);
    }
    return null;
  }

  private final ImmutableList<Rule> rules;
  private final ImmutableList<WarningLevel> defaultLevels;
  private final TransferRule transferRule;
  private final TransferRule returnRule;
  private final int returnsBeforeEscalation; // 0 = never
  private final int maxExtensions; // 0 = none allowed
  private final int maxExtensionDays;
  // ruleFor's recent answers: a direct-mapped memo of immutable entries, shared by the threads that
  // use this policy
  // (a racy read sees null, an older or a newer entry, each right for its own selector). Cases
  // recur over a few
  // categories, priorities and region classes, so a clock start rarely scans the rules.
  private static final int RULE_MEMO = 1 << 12;
  private final @Nullable RuleChoice[] ruleMemo = new RuleChoice[RULE_MEMO];

  /** A selector and the rule {@link #ruleFor} chose for it. */
  private record RuleChoice(
      SlaStage stage,
      String categoryCode,
      Priority priority,
      UrbanRuralClass region,
      Optional<Rule> rule) {}

  private SlaPolicy(Builder b) {
    this.rules = ImmutableList.copyOf(b.rules);
    this.defaultLevels = b.defaultLevels;
    this.transferRule = b.transferRule;
    this.returnRule = b.returnRule;
    this.returnsBeforeEscalation = b.returnsBeforeEscalation;
    this.maxExtensions = b.maxExtensions;
    this.maxExtensionDays = b.maxExtensionDays;
  }

  /**
   * Returns how many extensions (延期) a case may be granted; 0 (the default) means none: a request
   * is refused.
   *
   * @return the count
   */
  public int maxExtensions() {
    return maxExtensions;
  }

  /**
   * Returns the most days one extension may ask for (0 when no extension is allowed).
   *
   * @return the days
   */
  public int maxExtensionDays() {
    return maxExtensionDays;
  }

  /**
   * Returns a new builder (no rules, no default levels, KEEP on transfer and return).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the most specific rule for a stage of a case (see the class comment).
   *
   * @param stage the stage
   * @param categoryCode the case's category code, e.g. {@code 010203}
   * @param priority the case's priority
   * @param region the urban-rural class of the case's region
   * @return the rule, or empty if none matches
   */
  @SuppressWarnings(
      "EnumOrdinal") // ordinals only mix the memo's slot; the entry is compared by value
  public Optional<Rule> ruleFor(
      SlaStage stage, String categoryCode, Priority priority, UrbanRuralClass region) {
    int h =
        ((categoryCode.hashCode() * 31 + stage.ordinal()) * 31 + priority.ordinal()) * 31
            + region.ordinal();
    int slot = (h ^ (h >>> 8) ^ (h >>> 16)) & (RULE_MEMO - 1);
    RuleChoice m = ruleMemo[slot];
    if (m != null
        && m.stage() == stage
        && m.priority() == priority
        && m.region() == region
        && m.categoryCode().equals(categoryCode)) {
      return m.rule();
    }
    Optional<Rule> rule = scanRules(stage, categoryCode, priority, region);
    ruleMemo[slot] = new RuleChoice(stage, categoryCode, priority, region, rule);
    return rule;
  }

  private Optional<Rule> scanRules(
      SlaStage stage, String categoryCode, Priority priority, UrbanRuralClass region) {
    Rule best = null;
    for (Rule r : rules) {
      if (r.matches(stage, categoryCode, priority, region)
          && (best == null || r.specificity() > best.specificity())) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Returns the warning levels that apply to a rule: its own, or the policy's default levels.
   *
   * @param rule a rule of this policy
   * @return the levels
   */
  public ImmutableList<WarningLevel> levelsFor(Rule rule) {
    return rule.levels().isEmpty() ? defaultLevels : rule.levels();
  }

  /**
   * Starts a clock for a stage of a case with the selected rule's limit and levels.
   *
   * @param clockName the clock's name
   * @param stage the stage
   * @param categoryCode the case's category code
   * @param priority the case's priority
   * @param region the region class
   * @param calendar the calendar edition
   * @param at the start
   * @return the running clock, or empty if no rule matches
   */
  public Optional<SlaClock> startClock(
      String clockName,
      SlaStage stage,
      String categoryCode,
      Priority priority,
      UrbanRuralClass region,
      BusinessCalendar calendar,
      java.time.Instant at) {
    // no Optional.map: its capturing lambda was allocated on every clock start of the engine
    Optional<Rule> rule = ruleFor(stage, categoryCode, priority, region);
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    Rule r = rule.get();
    return Optional.of(SlaClock.start(clockName, r.limit(), levelsFor(r), calendar, at));
  }

  /**
   * Returns every rule in declaration order.
   *
   * @return the rules
   */
  public ImmutableList<Rule> rules() {
    return rules;
  }

  /**
   * Returns the default warning levels.
   *
   * @return the levels
   */
  public ImmutableList<WarningLevel> defaultLevels() {
    return defaultLevels;
  }

  /**
   * Returns what a transfer (转办) does to handler clocks.
   *
   * @return the rule
   */
  public TransferRule transferRule() {
    return transferRule;
  }

  /**
   * Returns what a return (退回) does to handler clocks.
   *
   * @return the rule
   */
  public TransferRule returnRule() {
    return returnRule;
  }

  /**
   * Returns how many returns (退单) a case may have before it is escalated: the return that reaches
   * this count is answered by an escalation, as a breach of the returning handler's time would be,
   * rather than by another dispatch. Empty means returns never escalate by count (the routing
   * policy alone decides what a return does).
   *
   * @return the count, at least 1, or empty
   */
  public OptionalInt returnsBeforeEscalation() {
    return returnsBeforeEscalation == 0
        ? OptionalInt.empty()
        : OptionalInt.of(returnsBeforeEscalation);
  }

  /**
   * Reads a policy in the text format of the class comment within the {@link InputLimits#defaults()
   * default limits}. Either the whole text is valid or nothing is returned.
   *
   * @param in the text; the caller opens and closes it
   * @param source its name for error messages
   * @return the policy
   * @throws org.gridgov.TextParseException listing every bad line with its line and column (field)
   *     number
   */
  public static SlaPolicy parse(Reader in, String source) {
    return parse(in, source, InputLimits.defaults());
  }

  /**
   * Reads a policy in the text format of the class comment. Either the whole text is valid or
   * nothing is returned.
   *
   * @param in the text; the caller opens and closes it
   * @param source its name for error messages
   * @param limits the most characters, characters per line and rule lines (rows) read
   * @return the policy
   * @throws org.gridgov.TextParseException listing every bad line with its line and column (field)
   *     number, or the limit the input exceeds
   */
  public static SlaPolicy parse(Reader in, String source, InputLimits limits) {
    Problems problems = new Problems(source);
    Builder b = builder();
    List<Integer> ruleLines = new ArrayList<>();
    List<Rule> parsed = new ArrayList<>();
    TextLines.forEach(
        in, source, limits, (lineNo, t) -> parseLine(t, lineNo, b, problems, parsed, ruleLines));
    for (int i = 0; i < parsed.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (parsed.get(i).sameSelector(parsed.get(j))) {
          problems.add(
              ruleLines.get(i),
              0,
              "",
              "",
              "same stage and selectors as the rule on line %d",
              ruleLines.get(j));
        }
      }
    }
    problems.throwIfAny();
    parsed.forEach(b::rule);
    return b.build();
  }

  private static void parseLine(
      String t,
      int lineNo,
      Builder b,
      Problems problems,
      List<Rule> parsed,
      List<Integer> ruleLines) {
    String main = t;
    String levelsText = null;
    int bar = t.indexOf('|');
    if (bar >= 0) {
      main = t.substring(0, bar).strip();
      levelsText = t.substring(bar + 1).strip();
    }
    String[] f = WHITESPACE.split(main);
    if (parseSetting(t, f, lineNo, b, problems)) {
      return;
    }
    String head = f[0];
    SlaStage stage =
        switch (head) {
          case "register" -> SlaStage.REGISTER;
          case "dispatch" -> SlaStage.DISPATCH;
          case "handle" -> SlaStage.HANDLE;
          case "check" -> SlaStage.CHECK;
          case "whole-case" -> SlaStage.WHOLE_CASE;
          default -> null;
        };
    if (stage == null) {
      problems.add(
          lineNo,
          1,
          "stage",
          head,
          "expected register, dispatch, handle, check, whole-case, levels, transfer, return or"
              + " escalate-after-returns");
      return;
    }
    if (f.length < 6) {
      problems.add(lineNo, 0, "", t, "a rule needs: stage category priority regions limit");
      return;
    }
    parseRule(stage, f, levelsText, lineNo, problems, parsed, ruleLines);
  }

  /**
   * Parses a {@code levels}, {@code transfer} or {@code return} line into {@code b}; returns
   * whether the line was one.
   */
  private static boolean parseSetting(
      String t, String[] f, int lineNo, Builder b, Problems problems) {
    String head = f[0];
    switch (head) {
      case "levels" -> {
        List<WarningLevel> l = parseLevels(f, 1, 2, lineNo, problems);
        if (l != null) {
          b.defaultLevels(l);
        }
        return true;
      }
      case "escalate-after-returns" -> {
        parseReturnsBeforeEscalation(f, lineNo, t, b, problems);
        return true;
      }
      case "extensions" -> {
        parseExtensions(f, lineNo, t, b, problems);
        return true;
      }
      case "transfer", "return" -> {
        if (f.length != 2) {
          problems.add(lineNo, 0, head, t, "expected \"%s KEEP|RESTART|FROM_CREATION\"", head);
          return true;
        }
        try {
          TransferRule rule = TransferRule.valueOf(f[1]);
          if (head.equals("transfer")) {
            b.transferRule(rule);
          } else {
            b.returnRule(rule);
          }
        } catch (IllegalArgumentException e) {
          problems.add(lineNo, 2, head, f[1], "expected KEEP, RESTART or FROM_CREATION");
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Parses the fields of a rule line after its stage; adds the rule if it has no problems. */
  private static void parseRule(
      SlaStage stage,
      String[] f,
      @Nullable String levelsText,
      int lineNo,
      Problems problems,
      List<Rule> parsed,
      List<Integer> ruleLines) {
    int before = (int) problems.count();
    Rule rule = parseSelectors(stage, f, lineNo, problems);
    String limitText = String.join(" ", List.of(f).subList(4, f.length));
    SlaLimit limit = null;
    try {
      limit = SlaLimit.parse(limitText);
    } catch (IllegalArgumentException e) {
      problems.add(lineNo, 5, "limit", limitText, "%s", String.valueOf(e.getMessage()));
    }
    List<WarningLevel> levels = List.of();
    if (levelsText != null) {
      // the levels' field numbers go on after the main fields and the bar
      levels = parseLevels(WHITESPACE.split(levelsText), 0, f.length + 2, lineNo, problems);
    }
    if (problems.count() == before && limit != null && levels != null) {
      parsed.add(
          new Rule(
              rule.stage(),
              rule.categoryPrefix(),
              rule.priority(),
              rule.regions(),
              limit,
              ImmutableList.copyOf(levels)));
      ruleLines.add(lineNo);
    }
  }

  /** A rule of the stage for the category, priority and regions of fields 2 to 4. */
  private static Rule parseSelectors(SlaStage stage, String[] f, int lineNo, Problems problems) {
    Rule rule = Rule.of(stage, SlaLimit.natural(Duration.ofSeconds(1)));
    if (!f[1].equals("*")) {
      String prefixProblem = prefixProblem(f[1]);
      if (prefixProblem != null) {
        problems.add(lineNo, 2, "category", f[1], "%s", prefixProblem);
      } else {
        rule = rule.forCategory(f[1]);
      }
    }
    if (!f[2].equals("*")) {
      try {
        rule = rule.forPriority(Priority.valueOf(f[2]));
      } catch (IllegalArgumentException e) {
        problems.add(
            lineNo, 3, "priority", f[2], "expected * or one of %s", EnumSet.allOf(Priority.class));
      }
    }
    if (!f[3].equals("*")) {
      List<UrbanRuralClass> classes = new ArrayList<>();
      for (String c : f[3].split(",", -1)) {
        try {
          classes.add(UrbanRuralClass.valueOf(c));
        } catch (IllegalArgumentException e) {
          problems.add(
              lineNo,
              4,
              "regions",
              c,
              "expected * or names of %s",
              EnumSet.allOf(UrbanRuralClass.class));
        }
      }
      if (!classes.isEmpty()) {
        rule = rule.forRegions(classes);
      }
    }
    return rule;
  }

  private static void parseExtensions(
      String[] f, int lineNo, String line, Builder b, Problems problems) {
    if (f.length != 3) {
      problems.add(
          lineNo,
          0,
          f[0],
          line,
          "expected \"extensions N D\": at most N extensions of at most D days each");
      return;
    }
    int n = positive(f[1]);
    int d = positive(f[2]);
    if (n < 1) {
      problems.add(lineNo, 2, f[0], f[1], "expected a count from 1 to %s", MAX_EXTENSION_VALUE);
    }
    if (d < 1) {
      problems.add(
          lineNo, 3, f[0], f[2], "expected a number of days from 1 to %s", MAX_EXTENSION_VALUE);
    }
    if (n >= 1 && d >= 1) {
      b.extensions(n, d);
    }
  }

  /** The number, or 0 if the text is not one from 1 to {@link #MAX_EXTENSION_VALUE}. */
  private static int positive(String text) {
    try {
      int v = Integer.parseInt(text);
      return v >= 1 && v <= MAX_EXTENSION_VALUE ? v : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void parseReturnsBeforeEscalation(
      String[] f, int lineNo, String line, Builder b, Problems problems) {
    if (f.length != 2) {
      problems.add(
          lineNo, 0, f[0], line, "expected \"escalate-after-returns N\" with a count N >= 1");
      return;
    }
    int n;
    try {
      n = Integer.parseInt(f[1]);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > MAX_RETURNS_BEFORE_ESCALATION) {
      problems.add(
          lineNo,
          2,
          "count",
          f[1],
          "expected a whole number of returns from 1 to %d",
          MAX_RETURNS_BEFORE_ESCALATION);
      return;
    }
    b.returnsBeforeEscalation(n);
  }

  /**
   * Parses {@code f[from..]} as warning levels; {@code f[from]} is field number {@code firstField}
   * of the line.
   */
  private static @Nullable List<WarningLevel> parseLevels(
      String[] f, int from, int firstField, int lineNo, Problems problems) {
    List<WarningLevel> out = new ArrayList<>();
    boolean ok = true;
    for (int i = from; i < f.length; i++) {
      String tok = f[i];
      int field = firstField + i - from;
      if (i - from >= MAX_WARNING_LEVELS) {
        problems.add(
            lineNo,
            field,
            "levels",
            tok,
            "at most %d warning levels in one list, but the list has %d",
            MAX_WARNING_LEVELS,
            f.length - from);
        return null;
      }
      int at = tok.indexOf('@');
      try {
        checkArgument(at > 0 && at < tok.length() - 1, "no name@value");
        String name = tok.substring(0, at);
        String v = tok.substring(at + 1);
        out.add(
            v.startsWith("-")
                ? WarningLevel.before(name, Duration.parse(v.substring(1)))
                : WarningLevel.atFraction(name, Double.parseDouble(v)));
      } catch (RuntimeException e) {
        problems.add(
            lineNo,
            field,
            "levels",
            tok,
            "expected name@fraction (e.g. yellow@0.8) or name@-duration (e.g. soon@-PT2H)");
        ok = false;
      }
    }
    return ok ? out : null;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "SlaPolicy[%d rules, levels %s]", rules.size(), defaultLevels);
  }

  /** Builds an {@link SlaPolicy}. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private ImmutableList<WarningLevel> defaultLevels = ImmutableList.of();
    private TransferRule transferRule = TransferRule.KEEP;
    private TransferRule returnRule = TransferRule.KEEP;
    private int returnsBeforeEscalation;
    private int maxExtensions;
    private int maxExtensionDays;

    private Builder() {}

    /**
     * Allows a case at most {@code count} extensions (延期) of at most {@code days} days each
     * (default: no extension).
     *
     * @param count the most extensions, from 1 to {@value SlaPolicy#MAX_EXTENSION_VALUE}
     * @param days the most days of one, from 1 to {@value SlaPolicy#MAX_EXTENSION_VALUE}
     * @return this builder
     * @throws IllegalArgumentException naming the value out of range
     */
    @CanIgnoreReturnValue
    public Builder extensions(int count, int days) {
      checkArgument(
          count >= 1 && count <= MAX_EXTENSION_VALUE,
          "extensions: the count must be from 1 to %s but was %s",
          MAX_EXTENSION_VALUE,
          count);
      checkArgument(
          days >= 1 && days <= MAX_EXTENSION_VALUE,
          "extensions: the days must be from 1 to %s but was %s",
          MAX_EXTENSION_VALUE,
          days);
      this.maxExtensions = count;
      this.maxExtensionDays = days;
      return this;
    }

    /**
     * Adds a rule.
     *
     * @param rule the rule
     * @return this builder
     * @throws IllegalArgumentException if a rule with the same stage and selectors was added,
     *     naming both
     */
    @CanIgnoreReturnValue
    public Builder rule(Rule rule) {
      for (Rule r : rules) {
        checkArgument(
            !r.sameSelector(rule), "rule %s has the same stage and selectors as %s", rule, r);
      }
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Sets the default warning levels.
     *
     * @param levels the levels (at most 64)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder defaultLevels(List<WarningLevel> levels) {
      checkArgument(
          levels.size() <= MAX_WARNING_LEVELS,
          "at most %s warning levels but got %s",
          MAX_WARNING_LEVELS,
          levels.size());
      this.defaultLevels = ImmutableList.copyOf(levels);
      return this;
    }

    /**
     * Sets what a transfer does to handler clocks (default {@link TransferRule#KEEP}).
     *
     * @param rule the rule
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder transferRule(TransferRule rule) {
      this.transferRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Sets what a return does to handler clocks (default {@link TransferRule#KEEP}).
     *
     * @param rule the rule
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder returnRule(TransferRule rule) {
      this.returnRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Sets how many returns a case may have before the return that reaches the count is answered by
     * an escalation (default: returns never escalate by count).
     *
     * @param count the count, from 1 to {@value SlaPolicy#MAX_RETURNS_BEFORE_ESCALATION}
     * @return this builder
     * @throws IllegalArgumentException if the count is out of range
     */
    @CanIgnoreReturnValue
    public Builder returnsBeforeEscalation(int count) {
      checkArgument(
          count >= 1 && count <= MAX_RETURNS_BEFORE_ESCALATION,
          "returnsBeforeEscalation must be from 1 to %s but was %s",
          MAX_RETURNS_BEFORE_ESCALATION,
          count);
      this.returnsBeforeEscalation = count;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public SlaPolicy build() {
      return new SlaPolicy(this);
    }
  }
}
