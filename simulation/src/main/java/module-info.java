/**
 * gridgov-simulation: discrete-event simulation of a city over the real gridgov case engine, for
 * researchers comparing grid granularities.
 */
module org.gridgov.simulation {
  requires transitive org.gridgov.routing;
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler; // @javax.annotation.processing.Generated on Immutables-generated classes

  exports org.gridgov.simulation;
}
