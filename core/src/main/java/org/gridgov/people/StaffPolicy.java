package org.gridgov.people;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Staffing rules a registry is measured against (and edits are refused by):
 *
 * <ul>
 *   <li>{@code require R}: every grid needs someone in role R (a grid without is a gap, 留白);
 *   <li>{@code max_grids R n}: a person covers at most n grids in role R (一员多用 has limits);
 *   <li>{@code forbid_pair R S}: no person holds R and S over a common grid at the same time (交叉,
 *       e.g. the worker who handles a case and the supervisor who checks it);
 *   <li>{@code exclusive R}: at most one person holds R over a grid at a time (one grid leader).
 * </ul>
 *
 * <h2>Format</h2>
 *
 * RFC 4180 CSV ({@code #} comments), header {@code rule,role,other,limit}, one rule per row: {@code
 * require,grid_worker,,}, {@code max_grids,grid_worker,,3}, {@code forbid_pair,grid_worker,
 * supervisor,}, {@code exclusive,grid_leader,,}. Roles must be of the given {@link StaffRoles};
 * every bad row is reported with line, column, field and rule.
 */
public final class StaffPolicy {
  /** The header of the format. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("rule", "role", "other", "limit");

  private final ImmutableSet<String> required;
  private final ImmutableSortedMap<String, Integer> maxGrids;
  private final ImmutableSet<ImmutableList<String>> forbiddenPairs;
  private final ImmutableSet<String> exclusive;

  private StaffPolicy(Builder b) {
    this.required = ImmutableSet.copyOf(b.required);
    this.maxGrids = ImmutableSortedMap.copyOf(b.maxGrids);
    this.forbiddenPairs = ImmutableSet.copyOf(b.pairs);
    this.exclusive = ImmutableSet.copyOf(b.exclusive);
  }

  /**
   * Returns a policy with no rules.
   *
   * @return the empty policy
   */
  public static StaffPolicy none() {
    return builder().build();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a policy in the format above.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param roles the roles the rules may name
   * @return the policy
   * @throws TextParseException with every problem, if any
   */
  public static StaffPolicy read(Reader in, String sourceName, StaffRoles roles) {
    Objects.requireNonNull(roles, "roles");
    Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
    CsvReader csv = new CsvReader(Objects.requireNonNull(in, "in"), problems, true);
    int[] col = Columns.header(csv, problems, HEADER, 2);
    Builder b = builder();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      readRow(row, col, roles, problems, b);
    }
    problems.throwIfAny();
    return b.build();
  }

  private static void readRow(
      CsvReader.Row row, int[] col, StaffRoles roles, Problems problems, Builder b) {
    String rule = Columns.get(row, col, 0).trim();
    String role = role(row, col, 1, "role", roles, problems);
    switch (rule) {
      case "require" -> {
        if (role != null) {
          b.require(role);
        }
      }
      case "exclusive" -> {
        if (role != null) {
          b.exclusive(role);
        }
      }
      case "forbid_pair" -> {
        String other = role(row, col, 2, "other", roles, problems);
        if (role != null && other != null) {
          b.forbidPair(role, other);
        }
      }
      case "max_grids" -> {
        String limit = Columns.get(row, col, 3).trim();
        int n = parsePositive(limit);
        if (n <= 0) {
          problems.add(
              row.line(),
              Columns.column(col, 3),
              "limit",
              limit,
              "max_grids needs a whole number of grids from 1 to 1000000");
        } else if (role != null) {
          b.maxGrids(role, n);
        }
      }
      default ->
          problems.add(
              row.line(),
              Columns.column(col, 0),
              "rule",
              rule,
              "expected require, max_grids, forbid_pair or exclusive");
    }
  }

  private static @Nullable String role(
      CsvReader.Row row, int[] col, int which, String field, StaffRoles roles, Problems problems) {
    String code = Columns.get(row, col, which).trim();
    if (roles.find(code).isEmpty()) {
      problems.add(
          row.line(),
          Columns.column(col, which),
          field,
          code,
          "unknown role; known roles are %s",
          roles.all().stream().map(StaffRole::code).toList());
      return null;
    }
    return code;
  }

  private static int parsePositive(String s) {
    if (s.isEmpty() || s.length() > 7) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n <= 1_000_000 ? n : -1;
  }

  /**
   * Returns the roles every grid needs.
   *
   * @return the role codes
   */
  public ImmutableSet<String> requiredRoles() {
    return required;
  }

  /**
   * Returns the most grids a person may cover in a role.
   *
   * @param roleCode the role
   * @return the limit, or empty if none
   */
  public OptionalInt maxGrids(String roleCode) {
    Integer n = maxGrids.get(roleCode);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }

  /**
   * Returns the limited roles and their limits.
   *
   * @return role code → most grids
   */
  public ImmutableSortedMap<String, Integer> maxGrids() {
    return maxGrids;
  }

  /**
   * Returns the forbidden pairs, each as two role codes in order.
   *
   * @return the pairs
   */
  public ImmutableSet<ImmutableList<String>> forbiddenPairs() {
    return forbiddenPairs;
  }

  /**
   * Returns whether one person may not hold both roles over a common grid at once.
   *
   * @param a a role
   * @param b another role
   * @return whether the pair is forbidden
   */
  public boolean forbids(String a, String b) {
    return forbiddenPairs.contains(pair(a, b));
  }

  /**
   * Returns the roles at most one person may hold over a grid at a time.
   *
   * @return the role codes
   */
  public ImmutableSet<String> exclusiveRoles() {
    return exclusive;
  }

  private static ImmutableList<String> pair(String a, String b) {
    return a.compareTo(b) <= 0 ? ImmutableList.of(a, b) : ImmutableList.of(b, a);
  }

  /** Renders the rules. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    required.forEach(r -> parts.add("require " + r));
    maxGrids.forEach((r, n) -> parts.add(String.format(Locale.ROOT, "max_grids %s %d", r, n)));
    forbiddenPairs.forEach(p -> parts.add("forbid_pair " + p.get(0) + " " + p.get(1)));
    exclusive.forEach(r -> parts.add("exclusive " + r));
    return "StaffPolicy" + parts;
  }

  /** Builds a {@link StaffPolicy}. */
  public static final class Builder {
    private final Set<String> required = new LinkedHashSet<>();
    private final TreeMap<String, Integer> maxGrids = new TreeMap<>();
    private final Set<ImmutableList<String>> pairs = new LinkedHashSet<>();
    private final Set<String> exclusive = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Every grid needs someone in this role.
     *
     * @param roleCode the role
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder require(String roleCode) {
      required.add(Objects.requireNonNull(roleCode, "roleCode"));
      return this;
    }

    /**
     * A person covers at most {@code grids} grids in this role.
     *
     * @param roleCode the role
     * @param grids the limit, at least 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxGrids(String roleCode, int grids) {
      checkArgument(grids >= 1, "max_grids of %s must be at least 1 but was %s", roleCode, grids);
      maxGrids.put(Objects.requireNonNull(roleCode, "roleCode"), grids);
      return this;
    }

    /**
     * No person holds both roles over a common grid at once.
     *
     * @param a a role
     * @param b another role (may equal {@code a}: no person holds it twice over a grid)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder forbidPair(String a, String b) {
      pairs.add(pair(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b")));
      return this;
    }

    /**
     * At most one person holds this role over a grid at a time.
     *
     * @param roleCode the role
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder exclusive(String roleCode) {
      exclusive.add(Objects.requireNonNull(roleCode, "roleCode"));
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public StaffPolicy build() {
      return new StaffPolicy(this);
    }
  }
}
