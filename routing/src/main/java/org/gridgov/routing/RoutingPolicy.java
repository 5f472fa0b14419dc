package org.gridgov.routing;

/**
 * The plug-in point of routing: decides who gets a case, who assists, where it goes when it is not
 * solved.
 *
 * <p>A policy is built once from the routing graph, the region tree and its rules, and is then
 * asked for a {@link RoutingDecision} at every decision point of every case. Contract, checked by
 * every implementation's contract test:
 *
 * <ul>
 *   <li>Pure and deterministic: the same request gives an equal decision; no clock, no randomness,
 *       no I/O.
 *   <li>Total: it returns a decision for every valid request (a {@link RoutingDecision.Reject} when
 *       it cannot place the case), and throws only for a request it was not built for (e.g. a
 *       location code not in its tree), with an {@link IllegalArgumentException} naming the case
 *       and the value.
 *   <li>Explained: every decision says which rule decided and why the others did not.
 *   <li>Thread-safe: the case engine may share one policy between threads.
 * </ul>
 */
@FunctionalInterface
public interface RoutingPolicy {
  /**
   * Decides what happens to a case.
   *
   * @param request the case facts, decision point, holder and history
   * @return the decision, with its explanation
   * @throws IllegalArgumentException if the request refers to regions or handlers the policy does
   *     not know
   */
  RoutingDecision decide(RoutingRequest request);
}
