package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An M/M/c queue and its Erlang-C results: Poisson arrivals at rate λ, exponential service at rate
 * μ per server, {@code c} servers, first come first served.
 *
 * @param arrivalsPerHour λ, {@code > 0}
 * @param servicesPerHour μ per server, {@code > 0}
 * @param servers c, {@code >= 1}; the queue must be stable: λ &lt; c·μ
 */
public record MmcModel(double arrivalsPerHour, double servicesPerHour, int servers) {

  /**
   * Validates.
   *
   * @param arrivalsPerHour λ, {@code > 0}
   * @param servers c, {@code >= 1}; the queue must be stable: λ &lt; c·μ
   * @param servicesPerHour μ per server, {@code > 0}
   */
  public MmcModel {
    checkArgument(
        arrivalsPerHour > 0 && Double.isFinite(arrivalsPerHour),
        "λ must be > 0 but was %s",
        arrivalsPerHour);
    checkArgument(
        servicesPerHour > 0 && Double.isFinite(servicesPerHour),
        "μ must be > 0 but was %s",
        servicesPerHour);
    checkArgument(servers >= 1, "c must be >= 1 but was %s", servers);
    checkArgument(
        arrivalsPerHour < servers * servicesPerHour,
        "unstable queue: λ = %s must be < c·μ = %s",
        arrivalsPerHour,
        servers * servicesPerHour);
  }

  /**
   * Returns the utilisation ρ = λ / (c·μ).
   *
   * @return ρ in (0, 1)
   */
  public double utilisation() {
    return arrivalsPerHour / (servers * servicesPerHour);
  }

  /**
   * Returns the Erlang-C probability that an arrival waits, P(W &gt; 0).
   *
   * @return C(c, λ/μ)
   */
  public double waitProbability() {
    double a = arrivalsPerHour / servicesPerHour;
    double rho = utilisation();
    // Erlang B by its stable recursion, then C = B / (1 - rho (1 - B)).
    double b = 1;
    for (int k = 1; k <= servers; k++) {
      b = a * b / (k + a * b);
    }
    return b / (1 - rho * (1 - b));
  }

  /**
   * Returns the Erlang-C mean waiting time in the queue, W_q = C(c, a) / (c·μ − λ).
   *
   * @return minutes
   */
  public double meanWaitMinutes() {
    return waitProbability() / (servers * servicesPerHour - arrivalsPerHour) * 60.0;
  }
}
