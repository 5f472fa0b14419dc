/**
 * gridgov-simulation-cli: the {@code gridgov-sim} command line ({@code run}, {@code sweep}, {@code
 * validate}). An application, not a library: it exports no package.
 */
module org.gridgov.simulation.cli {
  requires org.gridgov.simulation;
  // an automatic module with a stable name (its manifest's Automatic-Module-Name)
  requires org.gridgov.simulation.report;
  requires static com.google.errorprone.annotations;
  requires static org.jspecify;
  requires info.picocli;
  requires me.tongfei.progressbar;

  // picocli reads the command classes' annotated fields and methods reflectively.
  opens org.gridgov.simulation.cli to
      info.picocli;
}
