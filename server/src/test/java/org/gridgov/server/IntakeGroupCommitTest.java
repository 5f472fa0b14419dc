package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * The intake's group commit (a batch's cases and request rows in one transaction): with more
 * requests waiting than three full batches, every caller is answered only once its request row is
 * committed, every request gets its own id and case, and the cases and the rows agree after a
 * restart.
 */
class IntakeGroupCommitTest {
  private static final int REQUESTS = Intake.MAX_BATCH * 3 + 17;

  @Test
  void everyAnswerFollowsItsCommitAndNothingIsLostOrDoubled() throws Exception {
    String url = TestServers.newDatabase();
    Map<Long, Boolean> rowSeenAtAnswer = new ConcurrentHashMap<>();
    List<CompletableFuture<RequestRecord>> pending = new ArrayList<>();
    try (GridgovServer server = TestServers.start(url, 1e9, "group-commit-test-password")) {
      List<Region> grids = TestServers.CITY.tree().regionsAt(RegionLevel.GRID);
      for (int i = 0; i < REQUESTS; i++) {
        CompletableFuture<RequestRecord> f =
            server.intake().submit(report(grids.get(i % grids.size()), i));
        pending.add(
            f.thenApply(
                r -> {
                  // read through another connection: the row must already be committed
                  rowSeenAtAnswer.put(r.id(), server.repository().personal(r.id()).isPresent());
                  return r;
                }));
      }
      List<RequestRecord> answered = new ArrayList<>();
      for (CompletableFuture<RequestRecord> f : pending) {
        answered.add(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(rowSeenAtAnswer).hasSize(REQUESTS).doesNotContainValue(false);
      assertThat(answered.stream().map(RequestRecord::id).distinct().count()).isEqualTo(REQUESTS);
      var unused = server.feed().catchUp();
      for (RequestRecord r : answered) {
        assertThat(server.projection().view(r.caseId()))
            .as("request %d's case", r.id())
            .isPresent();
      }
    }
    try (GridgovServer restarted = TestServers.start(url, 1e9, "group-commit-test-password")) {
      List<RequestRecord> rows = restarted.repository().loadAll();
      assertThat(rows).hasSize(REQUESTS);
      assertThat(rows.stream().map(RequestRecord::caseId).collect(Collectors.toSet()))
          .hasSize(REQUESTS);
    }
  }

  private static Intake.Report report(Region grid, int i) {
    Point p = TestServers.CITY.geometry().geometry(grid.code()).orElseThrow().getInteriorPoint();
    return new Intake.Report(
        "0102",
        Priority.NORMAL,
        p.getY(),
        p.getX(),
        grid.code(),
        null,
        "group commit test " + i,
        null,
        PersonalFields.NONE,
        "group-commit-test");
  }
}
