package org.gridgov.simulation.report;

import static org.gridgov.simulation.report.SweepReport.esc;

import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;

/** The parts the design and calibration reports share: head, key-value rows, periods, scenario. */
final class StudyHtml {
  private StudyHtml() {}

  static void head(StringBuilder h, String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append("gridgov-sim: ")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;")
        .append("padding:0 1em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:.3em .6em;text-align:right}th{background:#f3f3f3}")
        .append("td:first-child,th:first-child{text-align:left}\n")
        .append("figure{display:inline-block;margin:.5em}figcaption{font-size:.85em;color:#555}\n")
        .append("pre{background:#f7f7f7;padding:1em;overflow:auto}.note{color:#666}\n")
        .append("</style>\n</head>\n<body>\n<h1>gridgov-sim report: ")
        .append(esc(title))
        .append("</h1>\n");
  }

  static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>")
        .append(esc(key))
        .append("</th><td style=\"text-align:left\">")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  /** The measured period (with the warm-up that was discarded) and the calendar. */
  static void periods(StringBuilder h, Scenario s) {
    row(
        h,
        "Measured period",
        s.horizon()
            + " after a warm-up of "
            + s.warmUp()
            + " (simulated and discarded), then up to "
            + s.drain()
            + " for open cases to close");
    row(h, "Calendar", SweepReport.calendarNote(s));
  }

  /** The scenario as a file, and the end of the document. */
  static void scenario(StringBuilder h, Scenario s, String command) {
    h.append("<h2>Scenario</h2>\n<p>As a scenario file (save as <code>.yaml</code> and run it")
        .append(" with <code>")
        .append(esc(command))
        .append("</code>):</p>\n<pre>");
    try {
      h.append(esc(ScenarioFiles.toYaml(s)));
    } catch (IllegalArgumentException e) {
      h.append(esc("# " + e.getMessage()));
    }
    h.append("</pre>\n<p class=\"note\">Written by gridgov-sim.</p>\n</body>\n</html>\n");
  }
}
