package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Locale;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.junit.jupiter.api.Test;

class SweepCsvTest {

  @Test
  void runsHasOneRowPerReplicationWithEveryMetricInEnumOrder() {
    List<String> lines = SweepCsv.runs(SweepFixtures.numeric()).lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "parameter,value,replication,cases_reported,closing_rate,"
                + "on_time_closing_rate,mean_hours_to_close,p90_hours_to_close,escalation_rate,worker_utilisation,"
                + "mean_wait_minutes,wait_probability,patrol_discovery_share,mean_hours_from_appearance,"
                + "on_time_closing_rate_urgent,on_time_closing_rate_normal,rework_rate,reports_per_case,"
                + "summons_on_time_share,mean_summons_arrival_minutes,"
                + "supervised_share,on_time_closing_rate_supervised,handover_share,backlog_growth,"
                + "simulated_events,engine_events");
    assertThat(lines).hasSize(5);
    // value index 1 (800), replication 1: 0.5 + 0.1 * ordinal + 0.01 + 0.001
    assertThat(lines.get(4))
        .isEqualTo(
            "households-per-grid,800,1,0.511000,0.611000,0.711000,0.811000,0.911000,"
                + "1.011000,1.111000,1.211000,1.311000,1.411000,1.511000,1.611000,1.711000,1.811000,"
                + "1.911000,2.011000,2.111000,2.211000,2.311000,2.411000,2.511000,1001,2001");
  }

  @Test
  void summaryHasTheIntervalOfEveryValueAndMetric() {
    List<String> lines = SweepCsv.summary(SweepFixtures.numeric()).lines().toList();
    assertThat(lines.get(0)).isEqualTo("parameter,value,metric,unit,mean,half_width,lower,upper,n");
    assertThat(lines).hasSize(1 + 2 * Metric.values().length);
    // Two samples 0.5 and 0.501: mean 0.5005, sd 0.000707107, half-width 12.706 * 0.000707107 /
    // sqrt(2) = 0.006353
    assertThat(lines.get(1))
        .isEqualTo(
            "households-per-grid,150,cases_reported,cases,0.500500,0.006353,0.494147,0.506853,2");
  }

  @Test
  void valuesWithCommasAreQuotedAndUndefinedMetricsAreNaN() {
    SweepResult policies = SweepFixtures.policies();
    assertThat(SweepCsv.runs(policies)).contains("\npolicy,\"a,b\",0,");
    SweepResult sparse =
        new SweepResult(
            policies.sweep(),
            policies.runs(),
            ImmutableList.of(
                new SweepPoint(
                    "default",
                    ImmutableMap.of(Metric.CASES_REPORTED, new Estimate(3, Double.NaN, 1))),
                new SweepPoint("a,b", ImmutableMap.of())));
    List<String> lines = SweepCsv.summary(sparse).lines().toList();
    assertThat(lines.get(1))
        .isEqualTo("policy,default,cases_reported,cases,3.000000,NaN,NaN,NaN,1");
    assertThat(lines.get(2)).isEqualTo("policy,default,closing_rate,fraction,NaN,NaN,NaN,NaN,0");
    assertThat(lines.get(1 + Metric.values().length)).startsWith("policy,\"a,b\",cases_reported,");
  }

  @Test
  void numbersIgnoreTheDefaultLocaleAndNeverShowNegativeZero() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(SweepCsv.number(1234.5)).isEqualTo("1234.500000");
      assertThat(SweepCsv.runs(SweepFixtures.numeric())).isEqualTo(csvInRootLocale());
    } finally {
      Locale.setDefault(before);
    }
    assertThat(SweepCsv.number(-0.0)).isEqualTo("0.000000");
    assertThat(SweepCsv.number(-1e-9)).isEqualTo("0.000000");
    assertThat(SweepCsv.number(Double.NaN)).isEqualTo("NaN");
    assertThat(SweepCsv.number(1.0 / 3)).isEqualTo("0.333333");
  }

  private static String csvInRootLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      return SweepCsv.runs(SweepFixtures.numeric());
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void equalResultsGiveIdenticalText() {
    assertThat(SweepCsv.runs(SweepFixtures.numeric()))
        .isEqualTo(SweepCsv.runs(SweepFixtures.numeric()));
    assertThat(SweepCsv.summary(SweepFixtures.numeric()))
        .isEqualTo(SweepCsv.summary(SweepFixtures.numeric()));
  }
}
