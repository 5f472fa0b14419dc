package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.people.ShiftPattern;

/**
 * Grid workers' shift roster (排班), generated or from a staff registry.
 *
 * <p><b>Generated</b> ({@link #shifts()} not empty): the grid workers of every grid rotate through
 * the shift patterns (worker {@code i} of a grid, counted from 0 to {@code workers-per-grid − 1},
 * works pattern {@code i mod n}), on the scenario's business calendar ({@link ShiftPattern}:
 * working days, rest days or every day; a window whose end is not after its start runs past
 * midnight), and each worker is absent on a share {@link #absenceRate()} of their shifts (drawn per
 * worker and shift day). With a roster a grid station has as many servers at an instant as its
 * workers on duty and present then; a case is started only by a worker on duty and is finished by
 * them even past the end of their shift (no handover); grid work does not pause outside the
 * calendar's working time. Offices and departments keep the scenario's {@link WorkSchedule}.
 *
 * <p>Staff per grid is the {@code workers-per-grid} sweep parameter ({@link Staffing}); several
 * roles per person (一员多用) are the {@code staff:} section's role share ({@link Staff}).
 *
 * <p><b>From a registry</b> ({@link #staffCsv()} present, {@link #shifts()} empty): a grid's
 * workers are the persons of a core {@code StaffRegistry} ({@code StaffCsv} format, the standard
 * roles of {@code StaffRoles.standard()}) who cover it at the run's start in a role acting as a
 * grid worker; each works their pattern of a core {@code ShiftRoster} ({@code ShiftRosterCsv}
 * format; a person without a pattern, or every person without {@link #shiftsCsv()}, is on duty at
 * every instant, as {@code ShiftRoster} has it). A person covering several grids serves in each;
 * their time is split over all their active assignments (the role share of {@link
 * Staff#fromRegistry}, applied to every grid worker's handling and travel).
 *
 * @param shifts the patterns of a generated roster, codes distinct; empty with a registry
 * @param absenceRate the share of shifts a worker is absent, in [0, 1)
 * @param staffCsv the staff registry's CSV text, or empty for a generated roster
 * @param shiftsCsv the shift roster's CSV text (only with a registry), or empty
 */
public record Roster(
    ImmutableList<ShiftPattern> shifts,
    double absenceRate,
    Optional<String> staffCsv,
    Optional<String> shiftsCsv) {

  /** The most patterns a roster may have. */
  public static final int MAX_SHIFTS = 64;

  /**
   * Validates.
   *
   * @param shifts the patterns
   * @param absenceRate the absence rate
   * @param staffCsv the registry's CSV text, or empty
   * @param shiftsCsv the shift roster's CSV text, or empty
   */
  public Roster {
    shifts = ImmutableList.copyOf(shifts);
    Objects.requireNonNull(staffCsv, "staffCsv");
    Objects.requireNonNull(shiftsCsv, "shiftsCsv");
    checkArgument(
        staffCsv.isPresent()
            ? shifts.isEmpty()
            : !shifts.isEmpty() && shifts.size() <= MAX_SHIFTS && shiftsCsv.isEmpty(),
        "roster: give shifts (1 to %s patterns) or a staff file (with an optional shifts file),"
            + " not both; had %s patterns, staff file %s, shifts file %s",
        MAX_SHIFTS,
        shifts.size(),
        staffCsv.isPresent(),
        shiftsCsv.isPresent());
    Set<String> codes = new HashSet<>();
    for (ShiftPattern p : shifts) {
      checkArgument(codes.add(p.code()), "roster.shifts: pattern %s appears twice", p.code());
    }
    checkArgument(
        absenceRate >= 0 && absenceRate < 1,
        "roster.absence-rate must be in [0, 1) but was %s",
        absenceRate);
  }

  /**
   * Creates a roster.
   *
   * @param shifts the patterns
   * @param absenceRate the absence rate
   * @return the roster
   */
  public static Roster of(List<ShiftPattern> shifts, double absenceRate) {
    return new Roster(
        ImmutableList.copyOf(shifts), absenceRate, Optional.empty(), Optional.empty());
  }

  /**
   * Creates a roster from a staff registry and, optionally, a shift roster.
   *
   * @param staffCsv the registry ({@code StaffCsv} format)
   * @param shiftsCsv the shift roster ({@code ShiftRosterCsv} format), or empty
   * @param absenceRate the absence rate
   * @return the roster
   */
  public static Roster ofRegistry(String staffCsv, Optional<String> shiftsCsv, double absenceRate) {
    return new Roster(ImmutableList.of(), absenceRate, Optional.of(staffCsv), shiftsCsv);
  }

  /**
   * Returns the pattern worker {@code i} of a grid works.
   *
   * @param worker the worker's number in the grid, {@code >= 0}
   * @return the pattern
   */
  public ShiftPattern shiftOf(int worker) {
    checkArgument(worker >= 0, "worker number must be >= 0 but was %s", worker);
    checkArgument(!shifts.isEmpty(), "a roster from a registry has no generated shifts");
    return shifts.get(worker % shifts.size());
  }

  /**
   * Returns a summary without the registry's rows (they are pseudonymous, but a city's are many).
   *
   * @return e.g. {@code Roster(shifts [day, night], absence-rate 0.05)}
   */
  @Override
  public String toString() {
    return staffCsv.isPresent()
        ? String.format(
            Locale.ROOT,
            "Roster(staff registry of %d characters, %s, absence-rate %s)",
            staffCsv.get().length(),
            shiftsCsv.isPresent() ? "with a shift roster" : "no shift roster",
            absenceRate)
        : String.format(
            Locale.ROOT,
            "Roster(shifts %s, absence-rate %s)",
            shifts.stream().map(ShiftPattern::code).toList(),
            absenceRate);
  }

  /**
   * Returns a window in the scenario-file form, e.g. {@code working-days 09:00-17:30}.
   *
   * @param w the window
   * @return the text
   */
  public static String windowText(ShiftPattern.Window w) {
    return w.days().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + " "
        + w.start()
        + "-"
        + w.end();
  }
}
