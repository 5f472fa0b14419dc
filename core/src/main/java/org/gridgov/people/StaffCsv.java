package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link StaffRegistry} from CSV.
 *
 * <h2>Format</h2>
 *
 * RFC 4180 CSV (UTF-8, {@code #} comment lines), a header naming the columns in any order: {@code
 * person} (a {@link PersonId}, required), {@code role} (a code of the {@link StaffRoles},
 * required), {@code region} (a region code of the tree, required), {@code valid_from} (required)
 * and {@code valid_until} (optional, empty = open-ended). A time is an ISO-8601 instant ({@code
 * 2024-03-01T00:00:00Z}) or a date ({@code 2024-03-01}, meaning its midnight in {@link #ZONE});
 * {@code valid_until} must be after {@code valid_from}.
 *
 * <p>Every bad row is reported with source, line, column, field and the rule, and the whole input
 * is read before one {@link TextParseException} with all problems is thrown; nothing is returned
 * then. With a {@link StaffPolicy}, a row that breaks it against the rows before it (a forbidden
 * pair, a second holder of an exclusive role, a person over the grid limit) is a problem too,
 * naming the person id, role, region and rule. Messages quote person ids (pseudonyms), never other
 * text from a row but the bad field.
 */
public final class StaffCsv {
  /** The columns, required ones first. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("person", "role", "region", "valid_from", "valid_until");

  /** The zone in which a bare date is read as its midnight: Asia/Shanghai. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Limits for a city-sized registry: 1 Gi characters, 10M rows. */
  public static final InputLimits DEFAULT_LIMITS =
      InputLimits.defaults().withMaxChars(1L << 30).withMaxRows(10_000_000);

  private StaffCsv() {}

  /**
   * Reads a registry, checking values only.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param tree the region tree
   * @param roles the role set
   * @param edition the registry's edition
   * @return the registry
   * @throws TextParseException with every problem, if any
   */
  public static StaffRegistry read(
      Reader in, String sourceName, RegionTree tree, StaffRoles roles, LocalDate edition) {
    return read(in, sourceName, tree, roles, edition, StaffPolicy.none());
  }

  /**
   * Reads a registry and refuses rows that break a policy.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param tree the region tree
   * @param roles the role set
   * @param edition the registry's edition
   * @param policy the policy each row must keep against the rows before it
   * @return the registry
   * @throws TextParseException with every problem, if any
   */
  public static StaffRegistry read(
      Reader in,
      String sourceName,
      RegionTree tree,
      StaffRoles roles,
      LocalDate edition,
      StaffPolicy policy) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(policy, "policy");
    Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
    CsvReader csv = new CsvReader(in, problems, true, DEFAULT_LIMITS);
    int[] col = Columns.header(csv, problems, HEADER, 4);
    GridIndex index = new GridIndex(tree);
    PolicyChecks checks = new PolicyChecks(index, policy);
    List<Assignment> out = new ArrayList<>();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      Assignment a = readRow(row, col, tree, roles, problems);
      if (a == null) {
        continue;
      }
      Optional<String> rule = checks.conflict(a);
      if (rule.isPresent()) {
        problems.add(
            row.line(),
            Columns.column(col, 1),
            "role",
            a.roleCode(),
            "%s as %s in %d breaks the staff policy: %s",
            a.person(),
            a.roleCode(),
            a.regionCode(),
            rule.get());
        continue;
      }
      checks.add(a);
      out.add(a);
    }
    problems.throwIfAny();
    return StaffRegistry.of(index, roles, edition, out);
  }

  private static @Nullable Assignment readRow(
      CsvReader.Row row, int[] col, RegionTree tree, StaffRoles roles, Problems problems) {
    int line = row.line();
    String person = Columns.get(row, col, 0).trim();
    String role = Columns.get(row, col, 1).trim();
    String region = Columns.get(row, col, 2).trim();
    String from = Columns.get(row, col, 3).trim();
    String until = Columns.get(row, col, 4).trim();
    boolean ok = true;
    String personProblem = PersonId.problem(person);
    if (personProblem != null) {
      // The value is not echoed: a bad person field may hold a name or a phone number.
      problems.add(line, Columns.column(col, 0), "person", "", "%s", personProblem);
      ok = false;
    }
    if (roles.find(role).isEmpty()) {
      problems.add(
          line,
          Columns.column(col, 1),
          "role",
          role,
          "unknown role; known roles are %s",
          roles.all().stream().map(StaffRole::code).toList());
      ok = false;
    }
    long code = parseCode(region);
    if (code < 0 || tree.indexOf(code) < 0) {
      problems.add(
          line,
          Columns.column(col, 2),
          "region",
          region,
          "expected the code of a region of the tree (edition %s)",
          tree.edition());
      ok = false;
    }
    Instant start = parseTime(from, line, Columns.column(col, 3), "valid_from", problems);
    Instant end =
        until.isEmpty()
            ? null
            : parseTime(until, line, Columns.column(col, 4), "valid_until", problems);
    if (start == null || (!until.isEmpty() && end == null)) {
      ok = false;
    } else if (end != null && !end.isAfter(start)) {
      problems.add(
          line,
          Columns.column(col, 4),
          "valid_until",
          until,
          "valid_until must be after valid_from (%s)",
          from);
      ok = false;
    }
    if (!ok || start == null) {
      return null;
    }
    return new Assignment(PersonId.of(person), role, code, start, Optional.ofNullable(end));
  }

  private static long parseCode(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(s);
  }

  private static @Nullable Instant parseTime(
      String s, int line, int column, String field, Problems problems) {
    try {
      return s.length() == 10
          ? LocalDate.parse(s).atStartOfDay(ZONE).toInstant()
          : Instant.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(
          line,
          column,
          field,
          s,
          "expected an ISO-8601 instant such as 2024-03-01T00:00:00Z or a date such as 2024-03-01");
      return null;
    }
  }
}
