package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Role;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.jspecify.annotations.Nullable;

/**
 * The configured set of {@link StaffRole}s, in declaration order, found by code.
 *
 * <h2>Format</h2>
 *
 * RFC 4180 CSV (UTF-8, {@code #} comment lines), the header {@code code,zh,en,acts_as}, then one
 * role per row: its code, Chinese name, English name, and the case role it acts as ({@code
 * GRID_WORKER}, {@code DISPATCHER}, {@code DEPARTMENT_STAFF}, {@code SUPERVISOR}, {@code LEADER})
 * or empty. Every bad row is reported with its line, column, field and the rule; then nothing is
 * returned.
 */
public final class StaffRoles {
  /** The header of the format. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("code", "zh", "en", "acts_as");

  private final ImmutableMap<String, StaffRole> byCode;

  private StaffRoles(ImmutableMap<String, StaffRole> byCode) {
    this.byCode = byCode;
  }

  /**
   * Returns a set of roles.
   *
   * @param roles the roles, in order
   * @return the set
   * @throws IllegalArgumentException if two roles share a code
   */
  public static StaffRoles of(Iterable<StaffRole> roles) {
    Map<String, StaffRole> m = new LinkedHashMap<>();
    for (StaffRole r : roles) {
      StaffRole old = m.putIfAbsent(r.code(), r);
      if (old != null) {
        throw new IllegalArgumentException("role code " + r.code() + " is declared twice");
      }
    }
    return new StaffRoles(ImmutableMap.copyOf(m));
  }

  /**
   * Returns the common roles of 一格多员: {@code grid_leader} 网格长 (LEADER), {@code grid_worker} 专职网格员
   * (GRID_WORKER), {@code police} 网格民警 (DEPARTMENT_STAFF), {@code safety_inspector} 安全员
   * (GRID_WORKER), {@code supervisor} 网格督导员 (SUPERVISOR), {@code party_contact} 党员中心户 and {@code
   * volunteer} 志愿者 (neither acts on cases).
   *
   * @return the standard set
   */
  public static StaffRoles standard() {
    return of(
        ImmutableList.of(
            StaffRole.of("grid_leader", "网格长", "grid leader", Role.LEADER),
            StaffRole.of("grid_worker", "专职网格员", "full-time grid worker", Role.GRID_WORKER),
            StaffRole.of("police", "网格民警", "community police officer", Role.DEPARTMENT_STAFF),
            StaffRole.of("safety_inspector", "安全员", "safety inspector", Role.GRID_WORKER),
            StaffRole.of("supervisor", "网格督导员", "grid supervisor", Role.SUPERVISOR),
            StaffRole.of("party_contact", "党员中心户", "party-member household contact", null),
            StaffRole.of("volunteer", "志愿者", "volunteer", null)));
  }

  /**
   * Reads a role set in the format above.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @return the roles
   * @throws TextParseException with every problem, if any
   */
  public static StaffRoles read(Reader in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
    CsvReader csv = new CsvReader(in, problems, true);
    int[] col = Columns.header(csv, problems, HEADER, 3);
    Map<String, StaffRole> m = new LinkedHashMap<>();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      StaffRole r = readRow(row, col, problems);
      if (r != null && m.putIfAbsent(r.code(), r) != null) {
        problems.add(
            row.line(), col[0] + 1, "code", r.code(), "role code %s is declared twice", r.code());
      }
    }
    if (m.isEmpty()) {
      problems.add(0, 0, "", "", "no role is declared; expected at least one row after the header");
    }
    problems.throwIfAny();
    return new StaffRoles(ImmutableMap.copyOf(m));
  }

  private static @Nullable StaffRole readRow(CsvReader.Row row, int[] col, Problems problems) {
    String code = Columns.get(row, col, 0).trim();
    String zh = Columns.get(row, col, 1).trim();
    String en = Columns.get(row, col, 2).trim();
    String acts = Columns.get(row, col, 3).trim();
    boolean ok = true;
    String codeProblem = StaffRole.codeProblem(code);
    if (codeProblem != null) {
      problems.add(row.line(), col[0] + 1, "code", code, "%s", codeProblem);
      ok = false;
    }
    if (zh.isEmpty()) {
      problems.add(row.line(), col[1] + 1, "zh", "", "the Chinese name must not be blank");
      ok = false;
    }
    if (en.isEmpty()) {
      problems.add(row.line(), col[2] + 1, "en", "", "the English name must not be blank");
      ok = false;
    }
    Optional<Role> role = Optional.empty();
    if (!acts.isEmpty()) {
      try {
        role = Optional.of(Role.valueOf(acts));
      } catch (IllegalArgumentException e) {
        role = Optional.empty();
        ok = false;
        problems.add(
            row.line(),
            Columns.column(col, 3),
            "acts_as",
            acts,
            "expected empty or one of GRID_WORKER, DISPATCHER, DEPARTMENT_STAFF, SUPERVISOR,"
                + " LEADER");
      }
      if (role.equals(Optional.of(Role.RESIDENT))) {
        problems.add(
            row.line(),
            Columns.column(col, 3),
            "acts_as",
            acts,
            "a staff role cannot act as RESIDENT: staff act in a jurisdiction");
        ok = false;
      }
    }
    return ok ? new StaffRole(code, zh, en, role) : null;
  }

  /**
   * Returns the role with a code.
   *
   * @param code the code
   * @return the role, or empty
   */
  public Optional<StaffRole> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Returns the role with a code.
   *
   * @param code the code
   * @return the role
   * @throws IllegalArgumentException naming the code and the known codes, if there is none
   */
  public StaffRole get(String code) {
    StaffRole r = byCode.get(code);
    if (r == null) {
      throw new IllegalArgumentException(
          "unknown role code \"" + code + "\"; known roles are " + byCode.keySet());
    }
    return r;
  }

  /**
   * Returns the roles in declaration order.
   *
   * @return the roles
   */
  public ImmutableList<StaffRole> all() {
    return byCode.values().asList();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof StaffRoles other && byCode.equals(other.byCode);
  }

  @Override
  public int hashCode() {
    return byCode.hashCode();
  }

  /** Renders the role codes. */
  @Override
  public String toString() {
    return "StaffRoles" + byCode.keySet();
  }
}
