package org.gridgov.simulation.report;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.PairedDifference;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.SweepResult;

/**
 * The report's written conclusion: for the main indicators, which differences from the first
 * (reference) point are significant — their paired 95% confidence interval excludes 0 — and which
 * are not, stated plainly in English and Chinese.
 *
 * <p>Differences are paired by replication (common random numbers), see {@link PairedDifference}.
 *
 * @param english one sentence per comparison, in English
 * @param chinese the same sentences in Chinese
 */
public record DesignConclusion(ImmutableList<String> english, ImmutableList<String> chinese) {

  /** The indicators the conclusion speaks about. */
  static final ImmutableList<Metric> METRICS =
      ImmutableList.of(
          Metric.ON_TIME_CLOSING_RATE,
          Metric.CLOSING_RATE,
          Metric.MEAN_HOURS_TO_CLOSE,
          Metric.WORKER_UTILISATION);

  /**
   * Concludes from a sweep: every value against the first.
   *
   * @param result the sweep's result
   * @return the conclusion
   */
  public static DesignConclusion of(SweepResult result) {
    int r = result.sweep().replications();
    List<List<ReplicationResult>> runs = new ArrayList<>();
    for (int i = 0; i < result.points().size(); i++) {
      runs.add(result.runs().subList(i * r, (i + 1) * r));
    }
    List<String> labels = new ArrayList<>(result.sweep().values());
    return of(labels, runs);
  }

  /**
   * Concludes from a designed experiment: every point against the first.
   *
   * @param result the design's result
   * @return the conclusion
   */
  public static DesignConclusion of(DesignResult result) {
    List<List<ReplicationResult>> runs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < result.points().size(); i++) {
      runs.add(result.runsOf(i));
      labels.add(result.points().get(i).parameterValue());
    }
    return of(labels, runs);
  }

  static DesignConclusion of(List<String> labels, List<List<ReplicationResult>> runs) {
    ImmutableList.Builder<String> en = ImmutableList.builder();
    ImmutableList.Builder<String> zh = ImmutableList.builder();
    for (Metric m : METRICS) {
      if (!defined(runs.get(0), m)) {
        continue;
      }
      for (int i = 1; i < runs.size(); i++) {
        if (!defined(runs.get(i), m)) {
          continue;
        }
        PairedDifference d = PairedDifference.of(m, 0, runs.get(0), i, runs.get(i));
        en.add(english(m, labels.get(i), labels.get(0), d));
        zh.add(chinese(m, labels.get(i), labels.get(0), d));
      }
    }
    return new DesignConclusion(en.build(), zh.build());
  }

  private static boolean defined(List<ReplicationResult> runs, Metric m) {
    return runs.stream().anyMatch(x -> !Double.isNaN(x.value(m)));
  }

  static String english(Metric m, String to, String from, PairedDifference d) {
    Estimate e = d.difference();
    String head = m.label() + ", " + to + " against " + from + ": " + amount(m, e.mean(), "en");
    if (Double.isNaN(e.halfWidth())) {
      return head + "; one replication, so no interval and no conclusion.";
    }
    String ci =
        " (95% CI " + amount(m, e.lower(), "en") + " to " + amount(m, e.upper(), "en") + ")";
    return head
        + ci
        + (d.significant()
            ? ": significant, the interval excludes 0."
            : ": not significant, the interval includes 0.");
  }

  static String chinese(Metric m, String to, String from, PairedDifference d) {
    Estimate e = d.difference();
    String head = chineseName(m) + "：" + to + " 相对 " + from + " 变化 " + amount(m, e.mean(), "zh");
    if (Double.isNaN(e.halfWidth())) {
      return head + "；仅一次重复，无置信区间，不下结论。";
    }
    String ci =
        "（95% 置信区间 " + amount(m, e.lower(), "zh") + " 至 " + amount(m, e.upper(), "zh") + "）";
    return head + ci + (d.significant() ? "，差异显著（区间不含 0）。" : "，差异不显著（区间包含 0）。");
  }

  private static String amount(Metric m, double v, String lang) {
    return switch (m.unit()) {
      case "fraction" ->
          String.format(Locale.ROOT, "%+.2f", 100 * v)
              + (lang.equals("en") ? " percentage points" : " 个百分点");
      case "hours" ->
          String.format(Locale.ROOT, "%+.2f", v) + (lang.equals("en") ? " hours" : " 小时");
      case "minutes" ->
          String.format(Locale.ROOT, "%+.1f", v) + (lang.equals("en") ? " minutes" : " 分钟");
      default -> String.format(Locale.ROOT, "%+.1f", v);
    };
  }

  static String chineseName(Metric m) {
    return switch (m) {
      case CASES_REPORTED -> "上报案件数";
      case CLOSING_RATE -> "结案率";
      case ON_TIME_CLOSING_RATE -> "按期结案率";
      case MEAN_HOURS_TO_CLOSE -> "平均结案时长";
      case P90_HOURS_TO_CLOSE -> "结案时长第 90 百分位";
      case ESCALATION_RATE -> "升级率";
      case WORKER_UTILISATION -> "网格员利用率";
      case MEAN_WAIT_MINUTES -> "平均等待时间";
      case WAIT_PROBABILITY -> "需等待的案件比例";
      case PATROL_DISCOVERY_SHARE -> "主动发现占比";
      case MEAN_HOURS_FROM_APPEARANCE -> "自问题出现起的平均结案时长";
      case ON_TIME_CLOSING_RATE_URGENT -> "急事按期结案率";
      case ON_TIME_CLOSING_RATE_NORMAL -> "非急事按期结案率";
      case REWORK_RATE -> "返工率";
      case REPORTS_PER_CASE -> "每案上报次数";
      case SUMMONS_ON_TIME_SHARE -> "部门报到及时率";
      case MEAN_SUMMONS_ARRIVAL_MINUTES -> "部门平均报到时长";
      case SUPERVISED_SHARE -> "督办案件占比";
      case ON_TIME_CLOSING_RATE_SUPERVISED -> "督办案件按期结案率";
      case HANDOVER_SHARE -> "交接班案件占比";
      case BACKLOG_GROWTH -> "积压增长（件/日）";
    };
  }

  /**
   * Returns the conclusion as an HTML section (a heading and two lists), empty if there is nothing
   * to compare (a single point).
   *
   * @return the HTML
   */
  public String html() {
    if (english.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h2>Conclusion / 结论</h2>\n");
    h.append("<p>Paired differences from the first value (same random numbers in replication ")
        .append("<i>r</i>); significant means the paired 95% interval excludes 0.</p>\n<ul>\n");
    for (String s : english) {
      h.append("<li>").append(SweepReport.esc(s)).append("</li>\n");
    }
    h.append("</ul>\n<ul lang=\"zh\">\n");
    for (String s : chinese) {
      h.append("<li>").append(SweepReport.esc(s)).append("</li>\n");
    }
    return h.append("</ul>\n").toString();
  }
}
