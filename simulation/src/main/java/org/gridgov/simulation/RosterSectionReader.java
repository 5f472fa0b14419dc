package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.internal.Problems;
import org.gridgov.people.ShiftPattern;
import org.gridgov.simulation.ScenarioTree.Entry;
import org.gridgov.simulation.ScenarioTree.Kind;
import org.gridgov.simulation.ScenarioTree.ListNode;
import org.gridgov.simulation.ScenarioTree.MapNode;
import org.gridgov.simulation.ScenarioTree.Node;
import org.gridgov.simulation.ScenarioTree.Scalar;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file's {@code roster:} section (grid workers' shifts and absences, {@link
 * Roster}) into a scenario builder; problems go to the file's problem list with their line, column
 * and path (e.g. {@code roster.shifts.night[0]}).
 *
 * <pre>
 * roster:                          # absent: as the extended scenario (built-ins: off); none: off
 *   shifts:                        # pattern code: its windows, "DAYS HH:MM-HH:MM"
 *     day: ["working-days 09:00-12:00", "working-days 13:30-17:30"]
 *     night: ["every-day 17:30-09:00"]    # DAYS: working-days, rest-days or every-day
 *   absence-rate: 0.05             # default 0
 * </pre>
 *
 * or, from a staff registry (paths relative to the scenario file; {@code staff-csv} and {@code
 * shifts-csv} take the texts themselves, as {@link ScenarioFiles#toYaml} writes them):
 *
 * <pre>
 * roster:
 *   staff-file: staff.csv          # StaffCsv: person, role, region, valid_from, valid_until
 *   shifts-file: shifts.csv        # ShiftRosterCsv: person, pattern, days, start, end (optional)
 *   absence-rate: 0.05
 * </pre>
 */
final class RosterSectionReader {
  static final String SECTION = "roster";
  static final ImmutableList<String> KEYS =
      ImmutableList.of(
          "shifts", "absence-rate", "staff-file", "shifts-file", "staff-csv", "shifts-csv");

  private static final Pattern WINDOW =
      Pattern.compile("(working-days|rest-days|every-day) +(\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)");
  private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");

  private final ScenarioFileReader reader;
  private final Problems problems;
  private final SectionValues values;
  private boolean failed;

  RosterSectionReader(ScenarioFileReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
    this.values = new SectionValues(problems, SECTION);
  }

  /** Reads the section of {@code root} (or inherits {@code base}'s roster) into {@code b}. */
  void read(MapNode root, @Nullable Scenario base, Scenario.Builder b) {
    Node n = root.get(SECTION);
    if (n == null) {
      if (base != null && base.roster().isPresent()) {
        b.roster(base.roster().get());
      }
      return;
    }
    MapNode m = values.map(n, KEYS, new boolean[1]);
    if (m == null) {
      return; // none, or a problem recorded
    }
    Roster from = base != null && base.roster().isPresent() ? base.roster().get() : null;
    Double absence =
        values.number(m, "absence-rate", from != null ? from.absenceRate() : 0, 0, true, 1, false);
    String staff = text(m, "staff");
    String shiftsText = text(m, "shifts");
    if (failed) {
      return;
    }
    Node s = m.get("shifts");
    List<ShiftPattern> shifts = new ArrayList<>();
    if (staff != null) {
      if (s != null) {
        problem(s, "roster.shifts", "", "give shifts or a staff file, not both");
      }
    } else if (shiftsText != null) {
      problem(m, "roster.shifts-file", "", "a shifts file needs a staff file (roster.staff-file)");
    } else if (s != null) {
      shifts(s, shifts);
    } else if (from != null && from.staffCsv().isEmpty()) {
      shifts.addAll(from.shifts());
    } else if (from != null) {
      staff = from.staffCsv().get();
      shiftsText = from.shiftsCsv().orElse(null);
    } else {
      problem(m, "roster.shifts", "", "a roster needs shifts or a staff file");
    }
    if (absence == null || failed) {
      return;
    }
    b.roster(
        staff != null
            ? Roster.ofRegistry(staff, Optional.ofNullable(shiftsText), absence)
            : Roster.of(shifts, absence));
  }

  /** The text of {@code <what>-file} (read) or {@code <what>-csv} (inline), or null. */
  private @Nullable String text(MapNode m, String what) {
    Node file = m.get(what + "-file");
    Node csv = m.get(what + "-csv");
    if (file != null && csv != null) {
      problem(csv, "roster." + what + "-csv", "", "give " + what + "-file or " + what + "-csv");
      return null;
    }
    Node n = file != null ? file : csv;
    if (n == null) {
      return null;
    }
    String field = "roster." + what + (file != null ? "-file" : "-csv");
    if (!(n instanceof Scalar sc) || sc.kind() != Kind.STRING || sc.text().isBlank()) {
      problem(n, field, n.text(), "expected a text");
      return null;
    }
    if (csv != null) {
      return sc.text();
    }
    String t = reader.fileText(n, field, sc.text());
    if (t == null) {
      failed = true;
    }
    return t;
  }

  private void shifts(Node s, List<ShiftPattern> out) {
    if (!(s instanceof MapNode m) || m.entries().isEmpty()) {
      problem(s, "roster.shifts", s.text(), "expected a map of pattern code to a list of windows");
      return;
    }
    if (m.entries().size() > Roster.MAX_SHIFTS) {
      problem(s, "roster.shifts", "", "at most " + Roster.MAX_SHIFTS + " patterns");
      return;
    }
    for (Entry e : m.entries()) {
      String path = "roster.shifts." + e.key();
      if (!CODE.matcher(e.key()).matches()) {
        problem(e.value(), path, e.key(), "a pattern code is 1 to 64 characters of a-z 0-9 _ -");
        continue;
      }
      if (!(e.value() instanceof ListNode l) || l.items().isEmpty()) {
        problem(
            e.value(),
            path,
            e.value().text(),
            "expected a list of windows such as [every-day 20:00-08:00]");
        continue;
      }
      List<ShiftPattern.Window> windows = new ArrayList<>();
      for (int i = 0; i < l.items().size(); i++) {
        ShiftPattern.Window w = window(l.items().get(i), path + "[" + i + "]");
        if (w != null) {
          windows.add(w);
        }
      }
      if (windows.size() == l.items().size()) {
        out.add(ShiftPattern.of(e.key(), windows));
      }
    }
  }

  private ShiftPattern.@Nullable Window window(Node n, String path) {
    String text = n instanceof Scalar sc && sc.kind() == Kind.STRING ? sc.text().strip() : null;
    Matcher mt = text == null ? null : WINDOW.matcher(text);
    if (mt == null || !mt.matches()) {
      problem(
          n,
          path,
          n.text(),
          "expected DAYS HH:MM-HH:MM with DAYS working-days, rest-days or every-day");
      return null;
    }
    try {
      LocalTime start = LocalTime.parse(mt.group(2));
      LocalTime end = LocalTime.parse(mt.group(3));
      ShiftPattern.Days days =
          ShiftPattern.Days.valueOf(mt.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
      return new ShiftPattern.Window(days, start, end);
    } catch (DateTimeParseException e) {
      problem(n, path, n.text(), "not a clock time HH:MM (00:00 to 23:59)");
      return null;
    }
  }

  private void problem(Node n, String path, String value, String reason) {
    failed = true;
    problems.add(n.pos().line(), n.pos().column(), path, value, "%s", reason);
  }

  /** The section as one YAML line, for {@link ScenarioFiles#toYaml}. */
  static String yaml(Roster r) {
    if (r.staffCsv().isPresent()) {
      return "roster: {staff-csv: "
          + ScenarioFiles.quote(r.staffCsv().get())
          + r.shiftsCsv().map(t -> ", shifts-csv: " + ScenarioFiles.quote(t)).orElse("")
          + ", absence-rate: "
          + ScenarioFiles.num(r.absenceRate())
          + "}\n";
    }
    StringBuilder y = new StringBuilder("roster: {shifts: {");
    for (int i = 0; i < r.shifts().size(); i++) {
      ShiftPattern p = r.shifts().get(i);
      y.append(i == 0 ? "" : ", ").append(p.code()).append(": [");
      for (int j = 0; j < p.windows().size(); j++) {
        y.append(j == 0 ? "" : ", ")
            .append(ScenarioFiles.quote(Roster.windowText(p.windows().get(j))));
      }
      y.append(']');
    }
    return y.append("}, absence-rate: ")
        .append(ScenarioFiles.num(r.absenceRate()))
        .append("}\n")
        .toString();
  }
}
