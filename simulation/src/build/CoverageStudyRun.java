// Runs the coverage study from the built CLI jar (docs/simulation.md, "Coverage study"):
//   java -cp simulation-cli/target/gridgov-sim.jar simulation/src/build/CoverageStudyRun.java SEEDS REPLICATIONS MODELS
import org.gridgov.simulation.*;
public class CoverageStudyRun { public static void main(String[] a) {
  int seeds = Integer.parseInt(a[0]), reps = Integer.parseInt(a[1]);
  var models = QueueingValidation.defaultModels().subList(0, Integer.parseInt(a[2]));
  var rows = CoverageStudy.run(models, 20261204L, seeds, reps, Progress.NONE);
  System.out.println(CoverageStudy.MARKDOWN_HEADER);
  rows.forEach(r -> System.out.println(r.markdown()));
}}
