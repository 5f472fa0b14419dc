package org.gridgov.examples.scorecards;

import java.util.Locale;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardTable;

/**
 * Draws a scorecard table as an SVG bar chart: one horizontal bar per ranked handler, its length
 * the composite score (0 to 100), labelled with the rank, the handler id and the score; unranked
 * handlers (no defined indicator) are listed below without a bar. Plain SVG 1.1 text, no fonts or
 * scripts; handler ids only, no personal data.
 */
public final class ScorecardChart {
  /** The pixels of a bar at a composite of 100. */
  public static final int BAR_WIDTH = 400;

  private static final int ROW = 24;
  private static final int LABEL = 260;
  private static final int TOP = 40;

  private ScorecardChart() {}

  /**
   * Returns the chart of a table.
   *
   * @param table the table
   * @param title the chart's title, e.g. the period
   * @return the SVG document
   */
  public static String svg(ScorecardTable table, String title) {
    int rows = table.rows().size();
    int height = TOP + ROW * Math.max(rows, 1) + 20;
    int width = LABEL + BAR_WIDTH + 80;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\">\n",
            width,
            height,
            width,
            height));
    b.append("<title>").append(escape(title)).append("</title>\n");
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"24\" font-size=\"16\">%s</text>\n",
            escape("考核 composite score, " + title)));
    int y = TOP;
    for (ScorecardTable.Row r : table.rows()) {
      Scorecard c = r.card();
      String rank = r.rank().map(k -> "#" + k).orElse("unranked");
      String score =
          c.composite().isPresent()
              ? String.format(Locale.ROOT, "%.1f", c.composite().getAsDouble())
              : "–";
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"10\" y=\"%d\" font-size=\"12\">%s %s</text>\n",
              y + 15,
              escape(rank),
              escape(c.handlerId())));
      if (c.composite().isPresent()) {
        double w = BAR_WIDTH * c.composite().getAsDouble() / 100.0;
        b.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"bar\" data-handler=\"%s\" x=\"%d\" y=\"%d\" width=\"%.2f\""
                    + " height=\"%d\" fill=\"#4878a8\"/>\n",
                escape(c.handlerId()),
                LABEL,
                y + 3,
                w,
                ROW - 6));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
              LABEL + BAR_WIDTH + 8,
              y + 15,
              score));
      y += ROW;
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
