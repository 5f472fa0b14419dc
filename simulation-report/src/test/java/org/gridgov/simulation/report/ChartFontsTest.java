package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.SweepParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The charts' Chinese labels come from the shipped font, not from the machine's: the font maps
 * every character of the labels to a real glyph, and a PNG drawn with it shows the characters, not
 * the missing-glyph box.
 */
class ChartFontsTest {
  private static final String ON_TIME = "按期结案率";

  /** Five characters the font surely lacks (Hangul): drawn as five missing-glyph boxes. */
  private static final String MISSING = "가나다라마";

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void theShippedFontIsTheOneUsedAndMapsEveryLabelCharacter() {
    Font font = ChartFonts.font(Font.PLAIN, 14);
    assertThat(font.getFamily(java.util.Locale.ROOT)).isEqualTo("Gridgov Chart Sans");
    assertThat(font.canDisplayUpTo(ON_TIME)).isEqualTo(-1);
    List<String> labels = new ArrayList<>();
    for (SweepCharts.Spec spec : SweepCharts.SPECS) {
      labels.add(spec.title());
      labels.add(spec.yAxis());
    }
    Arrays.stream(Metric.values()).forEach(m -> labels.add(m.label() + " (95% CI)"));
    Arrays.stream(SweepParameter.values()).forEach(p -> labels.add(p.label()));
    labels.add("On-time closing rate (按期结案率) against staff cost");
    labels.add("0123456789.,-%±×");
    for (String label : labels) {
      assertThat(font.canDisplayUpTo(label)).as(label).isEqualTo(-1);
    }
    // the control: the font really lacks the Hangul, so canDisplayUpTo can fail
    assertThat(font.canDisplayUpTo(MISSING)).isZero();
  }

  @Test
  void eachCharacterHasItsOwnGlyphNotTheMissingGlyph() {
    Font font = ChartFonts.font(Font.PLAIN, 40);
    FontRenderContext frc = new FontRenderContext(null, true, true);
    int missing = font.getMissingGlyphCode();
    GlyphVector gv = font.createGlyphVector(frc, ON_TIME);
    for (int i = 0; i < ON_TIME.length(); i++) {
      assertThat(gv.getGlyphCode(i)).as(ON_TIME.substring(i, i + 1)).isNotEqualTo(missing);
    }
    int[] notdef = pixels(font, MISSING.substring(0, 1));
    for (int i = 0; i < ON_TIME.length(); i++) {
      int[] glyph = pixels(font, ON_TIME.substring(i, i + 1));
      assertThat(glyph).as(ON_TIME.substring(i, i + 1)).isNotEqualTo(notdef);
      assertThat(ink(glyph)).as("ink of " + ON_TIME.charAt(i)).isGreaterThan(40);
    }
    // distinct characters, distinct pictures
    assertThat(pixels(font, "按")).isNotEqualTo(pixels(font, "期"));
  }

  @Test
  void aPngChartShowsTheChineseTitleNotBoxes() throws IOException {
    BufferedImage chinese = decode(SweepReport.png(chart(ON_TIME)));
    BufferedImage boxes = decode(SweepReport.png(chart(MISSING)));
    BufferedImage boxesAgain = decode(SweepReport.png(chart("갈날달랄말")));
    // The control: two different missing titles draw the same five boxes, pixel for pixel.
    assertThat(raster(boxes)).isEqualTo(raster(boxesAgain));
    // Chinese drawn as boxes would look exactly like them; drawn with glyphs it does not.
    assertThat(raster(chinese)).isNotEqualTo(raster(boxes));
  }

  private static XYChart chart(String title) {
    XYChart chart =
        new XYChartBuilder().width(400).height(200).title(title).xAxisTitle("x").build();
    ChartFonts.apply(chart.getStyler());
    var unused = chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
    return chart;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }

  private static int[] raster(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** Draws text black on white, without anti-aliasing, and returns its pixels. */
  private static int[] pixels(Font font, String text) {
    BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 60, 60);
    g.setColor(Color.BLACK);
    g.setFont(font);
    g.drawString(text, 5, 45);
    g.dispose();
    return raster(image);
  }

  private static int ink(int[] pixels) {
    return (int) Arrays.stream(pixels).filter(p -> (p & 0xFFFFFF) == 0).count();
  }
}
