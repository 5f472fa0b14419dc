/**
 * gridgov-simulation: discrete-event simulation of a city over the real gridgov case engine, for
 * researchers comparing grid granularities; scenario files, sweep reports and the {@code
 * gridgov-sim} command line.
 */
module org.gridgov.simulation {
  requires transitive org.gridgov.engine;
  // the report's map (GridMap takes geo types): synthetic geometry, projection, coverage
  requires transitive org.gridgov.geo;
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler; // @javax.annotation.processing.Generated on Immutables-generated
  // classes
  requires com.fasterxml.jackson.core; // scenario files: JSON
  requires com.fasterxml.jackson.dataformat.yaml; // scenario files: YAML
  requires org.yaml.snakeyaml; // scenario files: the YAML loader's limits (nesting, aliases, size)
  requires java.desktop; // charts (AWT, headless)
  requires xchart; // automatic module (the jar has no module descriptor)
  requires VectorGraphics2D; // automatic module: XChart's SVG back end
  requires info.picocli;
  requires me.tongfei.progressbar;

  exports org.gridgov.simulation;
  exports org.gridgov.simulation.report;

  // other engines for sweeps (gridgov-simulation-spark), found on the class path
  uses org.gridgov.simulation.SweepExecutor;

  // picocli reads the command classes' annotated fields and methods reflectively.
  opens org.gridgov.simulation.cli to
      info.picocli;
}
