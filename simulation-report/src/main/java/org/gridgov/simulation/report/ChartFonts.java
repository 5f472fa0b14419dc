package org.gridgov.simulation.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * The font of the report's charts, shipped with the report: "Gridgov Chart Sans", a subset of Noto
 * Sans CJK SC (SIL Open Font License 1.1, {@code fonts/OFL.txt} beside it) holding printable ASCII,
 * a few symbols and every CJK character of the labels in the simulation's and the report's code.
 * The charts set every text in it, so their PNGs show Chinese labels (按期结案率) on any machine, with
 * or without CJK fonts installed, and look the same everywhere. {@code
 * src/build/ChartFontSubset.java} writes it from the system's Noto Sans CJK.
 */
final class ChartFonts {
  private ChartFonts() {}

  /** The resource of the font, relative to this class. */
  static final String RESOURCE = "fonts/GridgovChartSans.ttf";

  /** The font at size 1, loaded once. */
  private static final class Holder {
    static final Font BASE = load();
  }

  /**
   * Returns the chart font at a size.
   *
   * @param style {@link Font#PLAIN} or {@link Font#BOLD} (synthesised)
   * @param size the point size
   * @return the font
   */
  static Font font(int style, float size) {
    return Holder.BASE.deriveFont(style, size);
  }

  /**
   * Sets every text of a chart to the chart font, at XChart's default sizes.
   *
   * @param styler the chart's styler
   */
  static void apply(AxesChartStyler styler) {
    styler.setChartTitleFont(font(Font.BOLD, 14));
    styler.setLegendFont(font(Font.PLAIN, 12));
    styler.setAxisTitleFont(font(Font.PLAIN, 12));
    styler.setAxisTickLabelsFont(font(Font.PLAIN, 11));
    styler.setAnnotationTextFont(font(Font.PLAIN, 11));
    styler.setToolTipFont(font(Font.PLAIN, 11));
  }

  private static Font load() {
    try (InputStream in = ChartFonts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "chart font resource " + RESOURCE + " missing beside " + ChartFonts.class.getName());
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("chart font resource " + RESOURCE + " unreadable", e);
    }
  }
}
