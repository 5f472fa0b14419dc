package org.gridgov.server;

/** Small text helpers for messages. */
final class Texts {
  private Texts() {}

  /** A caller's value cut to 40 chars for an error message. */
  static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
