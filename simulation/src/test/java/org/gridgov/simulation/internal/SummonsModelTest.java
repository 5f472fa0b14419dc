package org.gridgov.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.OptionalDouble;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.RandomStreams;
import org.gridgov.simulation.Summons;
import org.junit.jupiter.api.Test;

/** Which arrivals the summons metrics count, and the travel from areas against its closed form. */
class SummonsModelTest {
  private static final long MINUTE = 60_000;
  private static final CityModel TOWN =
      CityModel.of(new CitySpec.SingleGrid(1_000), OptionalDouble.empty());

  private static SummonsModel model(Summons s) {
    return new SummonsModel(s, RandomStreams.of(1), 0, TOWN.tree);
  }

  @Test
  void countsReportedArrivalsAndLateOnesButNotThoseWhoseSummonsEndedInTime() {
    SummonsModel m = model(Summons.defaults());
    long limit = 30 * MINUTE;
    int a = m.depart(1, "dept:a", 0, limit, true);
    int b = m.depart(1, "dept:b", 0, limit, true);
    int c = m.depart(2, "dept:a", 0, limit, true);
    int d = m.depart(3, "dept:a", 0, limit, true);
    int e = m.depart(4, "dept:a", 0, limit, false);
    m.settle(a, true, 10 * MINUTE); // reported in time: counted, in time
    m.settle(b, true, 40 * MINUTE); // reported late: counted, late
    m.settle(c, false, 20 * MINUTE); // summons ended, would have been in time: not counted
    m.settle(d, false, 50 * MINUTE); // summons ended (escalated after the breach), late: counted
    m.settle(e, true, 5 * MINUTE); // a case outside the horizon: not counted

    assertThat(m.onTimeShare()).isEqualTo(1.0 / 3);
    assertThat(m.meanArrivalMinutes()).isEqualTo((10.0 + 40 + 50) / 3);
    assertThat(m.depart(5, "dept:c", 0, limit, true))
        .as("a settled slot is reused")
        .isIn(a, b, c, d, e);
    assertThat(model(Summons.defaults()).onTimeShare()).isNaN();
  }

  @Test
  void travelIsTheDistributionsDrawOrTheSetupPlusADiscDistanceAtTheSpeed() {
    SummonsModel fixed = model(Summons.defaults().withTravel(Distribution.fixed(12.5)));
    long unit = TOWN.locationCode[0];
    assertThat(fixed.travelMillis(unit)).isEqualTo(Duration.ofSeconds(750).toMillis());
    assertThat(fixed.within()).isEqualTo(Duration.ofMinutes(30));

    SummonsModel areas = model(Summons.defaults().withTravelFromAreas(5, 1));
    double districtM2 = TOWN.tree.regionsAt(RegionLevel.DISTRICT).get(0).areaSquareMetres();
    for (Region u : TOWN.tree.regionsAt(RegionLevel.UNIT)) {
      districtM2 += u.areaSquareMetres();
    }
    double radiusKm = Math.sqrt(districtM2 / Math.PI) / 1000;
    assertThat(radiusKm).isGreaterThan(0.05);
    double sum = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      long ms = areas.travelMillis(unit);
      assertThat(ms).isBetween(5 * MINUTE, 5 * MINUTE + Math.round(radiusKm / 1 * 60 * MINUTE) + 1);
      sum += ms;
    }
    // E[R √U] = 2R/3 for a point uniform in a disc
    double expected = 5 * MINUTE + 2 * radiusKm / 3 / 1 * 60 * MINUTE;
    assertThat(sum / n).isCloseTo(expected, offset(0.005 * expected));
  }
}
