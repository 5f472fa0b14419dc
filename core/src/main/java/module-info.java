/**
 * gridgov-core: the region tree, categories, cases and their event log, SLA calendars, clocks and
 * the deadline queue, and indicators.
 *
 * <p>Pure domain code: nothing here reads a clock, starts a thread, touches a file or draws an
 * unseeded random number. Time comes in as {@link java.time.Instant} arguments and text comes in as
 * a {@link java.io.Reader} the caller opens.
 */
@SuppressWarnings(
    "module") // the qualified export below names gridgov-routing, which core cannot see
module org.gridgov.core {
  requires transitive com.google.common;
  // Annotation-only modules: needed to compile against gridgov's signatures, never at run time.
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;
  requires static transitive org.immutables.value.annotations;
  requires static java.compiler; // @javax.annotation.processing.Generated on Immutables-generated

  // classes

  exports org.gridgov;
  exports org.gridgov.region;
  exports org.gridgov.category;
  exports org.gridgov.casefile;
  exports org.gridgov.sla;
  exports org.gridgov.metrics;
  exports org.gridgov.people;
  // Shared parsing helpers for gridgov's own modules only; not API.
  exports org.gridgov.internal to
      org.gridgov.routing,
      org.gridgov.json,
      org.gridgov.simulation;
}
