/**
 * gridgov-routing: the routing-policy graph for dispatch, escalation and department linkage, policy
 * analysis. The case engine that applies it lives in gridgov-engine.
 *
 * <p>Pure domain code, like {@code org.gridgov.core}: no clock, no threads, no files.
 */
@SuppressWarnings("module") // the qualified export's target is built after routing
module org.gridgov.routing {
  requires transitive org.gridgov.core;
  requires transitive org.jgrapht.core;
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;

  exports org.gridgov.routing;
  exports org.gridgov.routing.rules;
  exports org.gridgov.routing.table;
  exports org.gridgov.routing.analysis;
  // The shipped example policy is not API: the simulation's scenarios default to it, the engine's
  // tests (compiled into the engine module) use it.
  exports org.gridgov.routing.example to
      org.gridgov.engine,
      org.gridgov.simulation;
}
