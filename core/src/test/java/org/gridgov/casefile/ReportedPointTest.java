package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableLongArray;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** A reported point: validated ranges, masked to about 1 km wherever it is shown. */
class ReportedPointTest {

  @Test
  void keepsTheCoordinatesAsGiven() {
    ReportedPoint p = ReportedPoint.of(119.007654, 25.431234);
    assertThat(p.revealLongitude()).isEqualTo(119.007654);
    assertThat(p.revealLatitude()).isEqualTo(25.431234);
  }

  @Test
  void masksToTwoDecimalsRoundingHalfUp() {
    ReportedPoint p = ReportedPoint.of(119.005, -25.435);
    assertThat(p.maskedLongitude()).isEqualTo(119.01);
    assertThat(p.maskedLatitude()).isEqualTo(-25.44);
    assertThat(p).hasToString("ReportedPoint[~119.01, ~-25.44]");
  }

  @Test
  void refusesOutOfRangeAndNonFiniteCoordinatesWithoutNamingTheValue() {
    assertThatThrownBy(() -> ReportedPoint.of(180.5, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longitude")
        .hasMessageContaining("-180 to 180")
        .hasMessageNotContaining("180.5");
    assertThatThrownBy(() -> ReportedPoint.of(119, Double.NaN))
        .hasMessageContaining("latitude")
        .hasMessageContaining("-90 to 90");
    assertThatThrownBy(() -> ReportedPoint.of(Double.NEGATIVE_INFINITY, 0))
        .hasMessageContaining("longitude");
  }

  @Test
  void negativeZeroIsTheSamePlaceAsZero() {
    assertThat(ReportedPoint.of(-0.0, -0.0)).isEqualTo(ReportedPoint.of(0.0, 0.0));
    assertThat(ReportedPoint.of(-0.0, 1).hashCode()).isEqualTo(ReportedPoint.of(0.0, 1).hashCode());
  }

  @Test
  void theMaskIsWithinHalfAHundredthOfADegree_onSeededRandomPoints() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261204L);
    for (int i = 0; i < 10_000; i++) {
      double lon = random.nextDouble(-180, 180);
      double lat = random.nextDouble(-90, 90);
      ReportedPoint p = ReportedPoint.of(lon, lat);
      assertThat(Math.abs(p.maskedLongitude() - lon)).isLessThanOrEqualTo(0.005 + 1e-9);
      assertThat(Math.abs(p.maskedLatitude() - lat)).isLessThanOrEqualTo(0.005 + 1e-9);
      assertThat(p.maskedLongitude() * 100)
          .isCloseTo(Math.rint(p.maskedLongitude() * 100), Offset.offset(1e-6));
      assertThat(p.toString()).doesNotContain(String.valueOf(lon));
    }
  }

  @Test
  void caseFactsShowThePointMasked() {
    CaseFacts f =
        CaseFacts.builder()
            .id(CaseId.of("C-1"))
            .categoryCode("0101")
            .priority(Priority.NORMAL)
            .kind(CaseKind.COMMITTED)
            .locationCodes(ImmutableLongArray.of(350302001001001L))
            .source(CaseSource.APP)
            .point(ReportedPoint.of(119.012345, 25.432109))
            .build();
    assertThat(f.point()).contains(ReportedPoint.of(119.012345, 25.432109));
    assertThat(f.toString()).contains("~119.01").doesNotContain("119.0123", "25.4321");
  }
}
