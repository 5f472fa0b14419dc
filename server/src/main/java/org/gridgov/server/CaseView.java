package org.gridgov.server;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * A case as the server shows it, from the store's event log ({@link CaseProjection}).
 *
 * @param caseId the case
 * @param requestId the Open311 service_request_id
 * @param gridCode the grid the case lies in
 * @param categoryCode the category (service code)
 * @param status the engine's status
 * @param lead the current lead handler, if any
 * @param dueAt the whole-case deadline (expected_datetime), if the case is registered
 * @param provisional whether the deadline counts on a provisional calendar day
 * @param light the traffic light
 * @param late whether the whole-case deadline passed (breach recorded) under the current deadline
 * @param updatedAt the instant of the last event
 * @param timeline the event log, one line per event
 */
public record CaseView(
    CaseId caseId,
    long requestId,
    long gridCode,
    String categoryCode,
    CaseStatus status,
    @Nullable String lead,
    @Nullable Instant dueAt,
    boolean provisional,
    Light light,
    boolean late,
    Instant updatedAt,
    ImmutableList<TimelineEntry> timeline) {

  /** The traffic light of a case: its whole-case clock against the deadline. */
  public enum Light {
    /** Open, not yet warned. */
    GREEN,
    /** Open, past the warning fraction of its limit (预警). */
    AMBER,
    /** Open, past its deadline (超期). */
    RED,
    /** Closed (or invalid, or merged). */
    CLOSED
  }

  /**
   * One event of the timeline.
   *
   * @param at when
   * @param type the event type's name
   * @param note what happened, for people (no personal data)
   */
  public record TimelineEntry(Instant at, String type, String note) {}

  /**
   * Returns whether the case is open in Open311's sense (not closed, invalid or merged).
   *
   * @return whether open
   */
  public boolean open() {
    return isOpen(status);
  }

  /**
   * Returns whether a status counts as open for Open311.
   *
   * @param status the status
   * @return false for closed, evaluated, invalid and merged
   */
  public static boolean isOpen(CaseStatus status) {
    return status != CaseStatus.CLOSED
        && status != CaseStatus.EVALUATED
        && status != CaseStatus.INVALID
        && status != CaseStatus.MERGED;
  }

  /**
   * Returns the note of the last event: Open311's status_notes.
   *
   * @return the note
   */
  public String statusNote() {
    return timeline.isEmpty() ? "" : timeline.get(timeline.size() - 1).note();
  }
}
