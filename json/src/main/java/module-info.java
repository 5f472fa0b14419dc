/**
 * gridgov-json: JSON formats for gridgov: case events, facts and case files ({@link
 * org.gridgov.json.CaseJson}, the format the event store writes), and official holiday notices in
 * the holiday-cn format ({@link org.gridgov.json.HolidayNoticeJson}), read with Jackson's streaming
 * parser so that every error names its line and column. Pure parsing of a {@link java.io.Reader}
 * the caller opens.
 */
module org.gridgov.json {
  requires transitive org.gridgov.core;
  requires com.fasterxml.jackson.core;
  requires transitive com.fasterxml.jackson.databind;
  requires static com.google.errorprone.annotations;
  requires static org.jspecify;

  exports org.gridgov.json;
}
