package org.gridgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.SourceChannel;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

class SourceIndicatorsTest {
  private static final long GRID1 = 350302001001001L;
  private static final long GRID2 = 350302001001002L;
  private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-04-01T00:00:00Z");

  private static RegionTree tree() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), LocalDate.of(2024, 1, 1));
    b.addDistrict(350302L, "城厢区");
    b.add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道");
    b.add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "第1社区");
    b.add(RegionLevel.GRID, GRID1, 350302001001L, "第1网格");
    b.add(RegionLevel.GRID, GRID2, 350302001001L, "第2网格");
    return b.build();
  }

  private static CaseFile reported(String id, CaseSource source, long grid, Instant at, String by) {
    CaseFacts facts =
        CaseFacts.builder()
            .id(CaseId.of(id))
            .categoryCode("0102")
            .priority(Priority.NORMAL)
            .kind(CaseKind.IMMEDIATE)
            .locationCodes(ImmutableLongArray.of(grid))
            .source(source)
            .build();
    return CaseFile.open(facts)
        .append(
            CaseEvent.of(
                CaseId.of(id), 1, at, Actor.of(by, Role.GRID_WORKER), new EventPayload.Reported()));
  }

  @Test
  void channelsSplitTheReceivedCountsAndAddUpToTheWhole() {
    SplittableRandom rnd = new SplittableRandom(21);
    List<CaseFile> files = new ArrayList<>();
    Map<SourceChannel, Long> expected = new EnumMap<>(SourceChannel.class);
    CaseSource[] sources = CaseSource.values();
    for (int i = 0; i < 400; i++) {
      CaseSource s = sources[rnd.nextInt(sources.length)];
      Instant at = FROM.minus(Duration.ofDays(3)).plus(Duration.ofHours(rnd.nextInt(24 * 40)));
      files.add(reported("c-" + i, s, GRID1, at, "p-1"));
      if (!at.isBefore(FROM) && at.isBefore(TO)) {
        expected.merge(s.channel(), 1L, Long::sum);
      }
    }
    IndicatorQuery q = IndicatorQuery.builder().fromInclusive(FROM).toExclusive(TO).build();
    ImmutableSortedMap<SourceChannel, IndicatorReport> split =
        SourceIndicators.bySourceChannel(files, q);
    assertThat(split.keySet()).containsExactly(SourceChannel.values());
    for (SourceChannel c : SourceChannel.values()) {
      assertThat(java.util.Objects.requireNonNull(split.get(c)).counts().received())
          .isEqualTo(expected.getOrDefault(c, 0L));
    }
    long total = split.values().stream().mapToLong(r -> r.counts().received()).sum();
    assertThat(total).isEqualTo(CaseIndicators.compute(files, q).counts().received()).isPositive();
    assertThat(CaseSource.RECEPTION_DAY.channel()).isEqualTo(SourceChannel.RECEPTION);
    assertThat(CaseSource.GRID_PATROL.channel().chineseName()).isEqualTo("主动发现");
    assertThat(CaseSource.APP.channel().chineseName()).isEqualTo("群众上报");
  }

  @Test
  void proactiveDiscoveriesCountByTheReportersRoleAtThatInstant() {
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    Instant moved = Instant.parse("2024-03-15T00:00:00Z");
    StaffRegistry registry =
        StaffRegistry.of(
            tree(),
            StaffRoles.standard(),
            LocalDate.of(2024, 1, 1),
            List.of(
                Assignment.between(PersonId.of("p-1"), "grid_worker", GRID1, start, moved),
                Assignment.from(PersonId.of("p-1"), "safety_inspector", GRID1, start),
                Assignment.from(PersonId.of("p-2"), "grid_worker", GRID2, start)));
    List<CaseFile> files =
        ImmutableList.of(
            // p-1 as worker and inspector: counts for both.
            reported(
                "a", CaseSource.GRID_PATROL, GRID1, Instant.parse("2024-03-02T00:00:00Z"), "p-1"),
            // after p-1 left the worker post: inspector only.
            reported(
                "b", CaseSource.PROACTIVE, GRID1, Instant.parse("2024-03-20T00:00:00Z"), "p-1"),
            // p-2 patrols outside its grid: no role there.
            reported(
                "c", CaseSource.GRID_PATROL, GRID1, Instant.parse("2024-03-03T00:00:00Z"), "p-2"),
            reported(
                "d", CaseSource.GRID_PATROL, GRID2, Instant.parse("2024-03-04T00:00:00Z"), "p-2"),
            // not proactive, and outside the period: not counted.
            reported("e", CaseSource.APP, GRID2, Instant.parse("2024-03-04T00:00:00Z"), "p-2"),
            reported(
                "f", CaseSource.GRID_PATROL, GRID2, Instant.parse("2024-04-04T00:00:00Z"), "p-2"));
    IndicatorQuery q = IndicatorQuery.builder().fromInclusive(FROM).toExclusive(TO).build();
    assertThat(SourceIndicators.proactiveByRole(files, registry, q))
        .containsExactly(
            Map.entry("", 1L), Map.entry("grid_worker", 2L), Map.entry("safety_inspector", 2L));
  }
}
