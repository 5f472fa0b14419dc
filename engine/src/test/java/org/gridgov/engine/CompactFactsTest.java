package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.ImmutableLongArray;
import java.util.Random;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.region.UrbanRuralClass;
import org.junit.jupiter.api.Test;

/**
 * A compact case's facts: random facts are packed exactly when an independent statement of the rule
 * says they can be (no reporter, no point, one location, the region at the given tree index), and
 * packed facts come back equal to the originals, with the region class always kept.
 */
class CompactFactsTest {
  private static final long[] CODES = {
    Fixture.GRID1, Fixture.GRID2, Fixture.GRID3, Fixture.VGRID, Fixture.COMMUNITY, Fixture.STREET
  };
  private static final String[] CATEGORIES = {"0101", "0301", "06", "0502", "1"};

  @Test
  void packedFactsComeBackEqualAndPersonalDataIsNeverPacked() {
    Random r = new Random(15);
    CompactTables tables = new CompactTables(Fixture.TREE);
    int packed = 0;
    for (int i = 0; i < 2_000; i++) {
      CaseFacts f = randomFacts(r, i);
      long first = f.locationCodes().get(0);
      // the location index the engine would give, or another region's, or none
      int location =
          switch (r.nextInt(4)) {
            case 0 -> Fixture.TREE.indexOf(CODES[r.nextInt(CODES.length)]);
            case 1 -> -1;
            default -> Fixture.TREE.indexOf(first);
          };
      UrbanRuralClass urban = pick(r, UrbanRuralClass.values());

      int bits = CompactFacts.pack(f, location, urban, tables);

      boolean expectPacked =
          f.reporter().isEmpty()
              && f.point().isEmpty()
              && f.locationCodes().length() == 1
              && location >= 0
              && Fixture.TREE.region(location).code() == first;
      assertThat(CompactFacts.isPacked(bits))
          .as("facts %s at %s", f, location)
          .isEqualTo(expectPacked);
      assertThat(CompactFacts.urban(bits)).isEqualTo(urban);
      if (expectPacked) {
        packed++;
        assertThat(CompactFacts.facts(f.id(), bits, location, tables)).isEqualTo(f);
      }
    }
    assertThat(packed).as("some facts are packed").isGreaterThan(200);
  }

  private static CaseFacts randomFacts(Random r, int i) {
    CaseFacts.Builder b =
        CaseFacts.builder()
            .id(CaseId.of("C-" + i))
            .categoryCode(CATEGORIES[r.nextInt(CATEGORIES.length)])
            .priority(pick(r, Priority.values()))
            .kind(pick(r, CaseKind.values()))
            .source(pick(r, CaseSource.values()));
    long a = CODES[r.nextInt(CODES.length)];
    long c = CODES[r.nextInt(CODES.length)];
    b.locationCodes(
        r.nextInt(5) == 0 && a != c ? ImmutableLongArray.of(a, c) : ImmutableLongArray.of(a));
    if (r.nextInt(6) == 0) {
      b.reporter(PersonalData.of("张三丰", "13812345678"));
    }
    if (r.nextInt(6) == 0) {
      b.point(ReportedPoint.of(119.0, 25.4));
    }
    return b.build();
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
