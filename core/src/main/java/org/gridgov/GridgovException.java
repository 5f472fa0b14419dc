package org.gridgov;

/**
 * The root of every exception that gridgov throws on purpose.
 *
 * <p>gridgov has no checked exceptions in its API. A bad argument value is an {@link
 * IllegalArgumentException} and a bad call order an {@link IllegalStateException}, as in the JDK;
 * domain failures that carry data the caller may want to inspect (a parse problem with its line and
 * column, an illegal case transition with its case id and state) are subtypes of this class, with
 * that data as accessors.
 *
 * <p>Messages state the rule and the offending values, formatted with {@link
 * java.util.Locale#ROOT}.
 */
public class GridgovException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that states the rule broken and the values involved.
   *
   * @param message the message
   */
  public GridgovException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the exception that caused it.
   *
   * @param message the message
   * @param cause the cause
   */
  public GridgovException(String message, Throwable cause) {
    super(message, cause);
  }
}
