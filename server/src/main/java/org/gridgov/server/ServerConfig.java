package org.gridgov.server;

import java.util.Map;
import java.util.Objects;

/**
 * How to run a {@link GridgovServer}.
 *
 * @param port the HTTP port, 0 for any free port
 * @param jdbcUrl the database: {@code jdbc:h2:…} (default, embedded) or {@code jdbc:postgresql:…}
 * @param city the city (tree, geometry, categories, SLA)
 * @param clock the city's clock
 * @param apiKeys the Open311 API keys: key to the submitter's name (the key is never logged)
 * @param authenticator the dashboard's logins
 * @param maxBodyBytes the largest request body accepted (413 above)
 * @param postsPerSecond the sustained POST rate allowed per API key (429 above)
 * @param readsPerSecond the sustained GET rate allowed per client address
 */
public record ServerConfig(
    int port,
    String jdbcUrl,
    DemoCity city,
    CityClock clock,
    Map<String, String> apiKeys,
    Authenticator authenticator,
    int maxBodyBytes,
    double postsPerSecond,
    double readsPerSecond) {

  /** The default body limit: 16 KiB (a description is at most 4,000 chars). */
  public static final int DEFAULT_MAX_BODY = 16 * 1024;

  /**
   * Checks the values.
   *
   * @param port the port
   * @param jdbcUrl the JDBC URL
   * @param city the city
   * @param clock the clock
   * @param apiKeys the API keys
   * @param authenticator the authenticator
   * @param maxBodyBytes the body limit
   * @param postsPerSecond the POST rate per key
   * @param readsPerSecond the GET rate per address
   */
  public ServerConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(clock, "clock");
    apiKeys = Map.copyOf(apiKeys);
    Objects.requireNonNull(authenticator, "authenticator");
    if (port < 0 || maxBodyBytes < 1024 || !(postsPerSecond > 0) || !(readsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "bad limits: port "
              + port
              + ", maxBodyBytes "
              + maxBodyBytes
              + " (at least 1024), postsPerSecond "
              + postsPerSecond
              + ", readsPerSecond "
              + readsPerSecond);
    }
  }

  @Override
  public String toString() {
    return "ServerConfig[port "
        + port
        + ", "
        + apiKeys.size()
        + " API key(s), body ≤ "
        + maxBodyBytes
        + " B, "
        + postsPerSecond
        + " POST/s per key]";
  }
}
