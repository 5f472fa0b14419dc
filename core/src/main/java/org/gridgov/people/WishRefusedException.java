package org.gridgov.people;

/**
 * A {@link WishBoard} refused a post, claim, withdrawal or confirmation; nothing was recorded. The
 * message names the wish, the person id, and the rule; never personal data.
 */
public final class WishRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the message
   */
  public WishRefusedException(String message) {
    super(message);
  }
}
