/**
 * gridgov-json: JSON formats for gridgov: a Jackson module for case events, facts, case files,
 * engine commands and ids ({@link org.gridgov.json.GridgovModule}, a versioned wire form with a
 * JSON Schema in the jar), {@link org.gridgov.json.CaseJson} over it (the format the event store
 * writes), and official holiday notices in the holiday-cn format ({@link
 * org.gridgov.json.HolidayNoticeJson}), read with Jackson's streaming parser so that every error
 * names its line and column. Pure parsing of a {@link java.io.Reader} the caller opens.
 */
module org.gridgov.json {
  requires transitive org.gridgov.core;
  requires transitive org.gridgov.engine;
  requires transitive com.fasterxml.jackson.core;
  requires transitive com.fasterxml.jackson.databind;
  requires static com.google.errorprone.annotations;
  requires static org.jspecify;

  exports org.gridgov.json;
}
