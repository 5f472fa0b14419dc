/**
 * gridgov-engine: the case engine (案件引擎), commands and the passing of time in, case events out, by
 * a routing policy and an SLA policy; deterministic, authorised, idempotent and restorable from its
 * event log.
 *
 * <p>Pure domain code, like {@code org.gridgov.core} and {@code org.gridgov.routing}: no clock, no
 * threads, no files.
 */
module org.gridgov.engine {
  requires transitive org.gridgov.core;
  requires transitive org.gridgov.routing;
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;

  exports org.gridgov.engine;
}
