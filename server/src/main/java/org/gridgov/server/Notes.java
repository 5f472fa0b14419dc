package org.gridgov.server;

import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.EventPayload;

/**
 * One line per event for people: Open311's {@code status_notes} and the dashboard's timeline. Event
 * payloads carry handler ids, reasons and instants, never a reporter's personal data.
 */
final class Notes {
  private Notes() {}

  /** The note of an event: its Chinese and English type name and its main detail. */
  static String of(CaseEvent event) {
    EventPayload p = event.payload();
    String head = event.type().chineseName() + " " + event.type().payloadName();
    String detail = detail(p);
    return detail.isEmpty() ? head : head + ": " + detail;
  }

  private static String detail(EventPayload p) {
    if (p instanceof EventPayload.Registered r) {
      return "due " + r.dueAt() + (r.provisional() ? " (provisional)" : "");
    } else if (p instanceof EventPayload.Dispatched d) {
      return "to " + d.handlerId() + " as " + d.role();
    } else if (p instanceof EventPayload.Accepted a) {
      return "by " + a.handlerId();
    } else if (p instanceof EventPayload.Returned r) {
      return "by " + r.handlerId() + ", " + r.reason();
    } else if (p instanceof EventPayload.Escalated e) {
      return e.fromHandlerId() + " → " + e.toHandlerId() + " (" + e.cause() + ")";
    } else if (p instanceof EventPayload.Resolved r) {
      return r.feedback();
    } else if (p instanceof EventPayload.CheckFailed c) {
      return c.reason();
    } else if (p instanceof EventPayload.VerificationFailed v) {
      return v.reason();
    } else if (p instanceof EventPayload.SlaWarning w) {
      return "clock " + w.clockId() + " level " + w.level();
    } else if (p instanceof EventPayload.SlaBreached b) {
      return "clock " + b.clockId();
    } else if (p instanceof EventPayload.Suspended s) {
      return s.reason();
    }
    return "";
  }
}
