package org.gridgov.server;

/**
 * A request the Open311 API refuses: the HTTP status the GeoReport v2 specification gives for it
 * (400 a missing or bad argument, 403 a missing or invalid API key, 404 an unknown service code,
 * request id or token, 413 a body over the limit, 429 over the rate limit) and a description naming
 * the argument, the value (never a personal field's) and what was expected. Rendered as the spec's
 * error body: {@code [{"code":400,"description":"..."}]}.
 */
public final class Open311Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, also the error's {@code code}. */
  private final int status;

  /**
   * Creates the error.
   *
   * @param status the HTTP status and error code
   * @param description what was wrong, for the caller
   */
  public Open311Exception(int status, String description) {
    super(description);
    this.status = status;
  }

  /**
   * Returns the HTTP status, also the {@code code} of the error body.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * A 400: a missing or malformed argument.
   *
   * @param description what was wrong
   * @return the error
   */
  static Open311Exception badRequest(String description) {
    return new Open311Exception(400, description);
  }

  /**
   * A 404: an unknown resource.
   *
   * @param description what was not found
   * @return the error
   */
  static Open311Exception notFound(String description) {
    return new Open311Exception(404, description);
  }
}
