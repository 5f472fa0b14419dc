package org.gridgov.simulation.internal;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Role;
import org.gridgov.people.PersonId;
import org.gridgov.people.ShiftPattern;
import org.gridgov.people.ShiftRoster;
import org.gridgov.people.ShiftRosterCsv;
import org.gridgov.people.StaffCsv;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRole;
import org.gridgov.people.StaffRoles;
import org.gridgov.routing.Handler;
import org.gridgov.simulation.Roster;
import org.gridgov.simulation.Staff;
import org.gridgov.sla.BusinessCalendar;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link RosterModel} of a roster from a staff registry: core's {@link StaffCsv} over
 * the city's tree with {@link StaffRoles#standard()}, and {@link ShiftRosterCsv} on the scenario's
 * calendar. A grid's workers are the persons covering it at the run's start in a role acting as
 * {@link Role#GRID_WORKER}, in person-id order; each works their roster pattern (on duty always
 * without one). The role share is {@link Staff#fromRegistry}'s at the run's start.
 */
final class RosterRegistry {
  private RosterRegistry() {}

  /**
   * Builds the model.
   *
   * @throws IllegalArgumentException naming the file and the problems, or a grid without a worker
   */
  static RosterModel model(
      Roster r, CityModel city, BusinessCalendar calendar, long fromMs, long toMs) {
    Instant at = Instant.ofEpochMilli(fromMs);
    LocalDate edition = at.atZone(calendar.zone()).toLocalDate();
    StaffRegistry registry;
    @Nullable ShiftRoster shifts = null;
    try {
      registry =
          StaffCsv.read(
              new StringReader(r.staffCsv().orElseThrow()),
              "roster.staff-file",
              city.tree,
              StaffRoles.standard(),
              edition);
      if (r.shiftsCsv().isPresent()) {
        shifts =
            ShiftRosterCsv.read(
                new StringReader(r.shiftsCsv().get()), "roster.shifts-file", calendar);
      }
    } catch (TextParseException e) {
      throw new IllegalArgumentException("roster: " + e.getMessage(), e);
    }
    List<String> gridRoles = new ArrayList<>();
    for (StaffRole role : registry.roles().all()) {
      if (role.actsAs().orElse(null) == Role.GRID_WORKER) {
        gridRoles.add(role.code());
      }
    }
    Map<ShiftPattern, Integer> index = new HashMap<>();
    List<ShiftPattern> patterns = new ArrayList<>();
    ImmutableList<Handler> handlers = city.graph.handlers();
    int[][] byStation = new int[handlers.size()][];
    for (int st = 0; st < byStation.length; st++) {
      if (city.stationLevel[st] != CityModel.GRID) {
        byStation[st] = new int[0];
        continue;
      }
      long grid = handlers.get(st).officeRegion().orElseThrow();
      TreeSet<PersonId> persons = new TreeSet<>();
      for (String role : gridRoles) {
        persons.addAll(registry.coverers(grid, role, at));
      }
      if (persons.isEmpty()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "roster.staff-file: grid %d has nobody in a grid-worker role (%s) at %s; every"
                    + " grid of the city needs at least one",
                grid,
                String.join(", ", gridRoles),
                at));
      }
      int[] ws = new int[persons.size()];
      int i = 0;
      for (PersonId p : persons) {
        ShiftPattern sp = shifts == null ? null : shifts.patternOf(p).orElse(null);
        if (sp == null) {
          ws[i++] = RosterModel.ALWAYS;
          continue;
        }
        Integer k = index.get(sp);
        if (k == null) {
          k = patterns.size();
          index.put(sp, k);
          patterns.add(sp);
        }
        ws[i++] = k;
      }
      byStation[st] = ws;
    }
    double roleShare = Staff.fromRegistry(registry, at, 0).roleShare();
    return new RosterModel(
        patterns, r.absenceRate(), roleShare, new int[0], byStation, calendar, fromMs, toMs);
  }
}
