/**
 * gridgov-simulation: discrete-event simulation of a city over the real gridgov case engine, for
 * researchers comparing grid granularities; the model, the kernel and scenario files. Reports
 * (charts, HTML, maps) are in gridgov-simulation-report, the {@code gridgov-sim} command line in
 * gridgov-simulation-cli: this module needs no AWT.
 */
module org.gridgov.simulation {
  requires transitive org.gridgov.engine;
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler; // @javax.annotation.processing.Generated on Immutables-generated
  // classes
  requires com.fasterxml.jackson.core; // scenario files: JSON
  requires com.fasterxml.jackson.dataformat.yaml; // scenario files: YAML
  requires org.yaml.snakeyaml; // scenario files: the YAML loader's limits (nesting, aliases, size)

  exports org.gridgov.simulation;

  // other engines for sweeps (gridgov-simulation-spark), found on the class path
  uses org.gridgov.simulation.SweepExecutor;
}
