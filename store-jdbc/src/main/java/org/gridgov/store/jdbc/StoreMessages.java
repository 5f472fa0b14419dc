package org.gridgov.store.jdbc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;

/**
 * Keeps stored values out of the store's messages: a stored row may hold names, phone numbers and
 * addresses, and the parsers that read it quote what they refuse (Jackson the token, {@code
 * CaseJson} the value after "but was"). The full exception stays attached as the cause.
 */
final class StoreMessages {
  private static final String VALUE = " but was ";
  private static final String JSON = "not valid JSON";

  private StoreMessages() {}

  /** Where a JSON text stops parsing, e.g. {@code " (line 1, column 12)"}, without its text. */
  static String location(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null
        ? ""
        : String.format(Locale.ROOT, " (line %d, column %d)", at.getLineNr(), at.getColumnNr());
  }

  /**
   * A reader's message with the refused value cut off: {@code "reporter.phone must be a string but
   * was …"} keeps the path and what was expected; {@code "not valid JSON (line 1, column 9): …"}
   * keeps the location.
   */
  static String withoutValues(String m) {
    int json = m.indexOf(JSON);
    if (json >= 0) {
      int end = m.indexOf(": ", json);
      return end >= 0 ? m.substring(0, end) : m;
    }
    int value = m.indexOf(VALUE);
    return value >= 0 ? m.substring(0, value) + " (the stored value is not shown)" : m;
  }
}
