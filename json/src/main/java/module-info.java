/**
 * gridgov-json: JSON formats for gridgov. Today: official holiday notices in the holiday-cn format
 * ({@link org.gridgov.json.HolidayNoticeJson}), read with Jackson's streaming parser so that every error names its
 * line and column. Pure parsing of a {@link java.io.Reader} the caller opens.
 */
module org.gridgov.json {
  requires transitive org.gridgov.core;
  requires com.fasterxml.jackson.core;
  requires static com.google.errorprone.annotations;
  requires static org.jspecify;

  exports org.gridgov.json;
}
