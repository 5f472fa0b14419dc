import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the font of the report's charts: a subset of an OFL font (Noto Sans CJK SC) holding
 * printable ASCII, a few symbols and every CJK character found in the given Java source trees,
 * as a plain TrueType file whose glyphs are the source's outlines flattened to polygons (within
 * {@link #FLATNESS} units of 1000 per em: invisible at chart sizes).
 *
 * <p>Java reads TrueType and OpenType, not the TrueType Collections (.ttc) the system Noto CJK
 * ships as, except through {@code Font.createFonts}; and no subsetting tool (fontTools) is at
 * hand. So this tool takes the outlines through Java2D and writes the few tables a rasteriser
 * needs. Run it with the plain launcher (no build needed), from the repository root:
 *
 * <pre>
 * java simulation-report/src/build/ChartFontSubset.java \
 *   /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc "Noto Sans CJK SC" \
 *   simulation-report/src/main/resources/org/gridgov/simulation/report/fonts/GridgovChartSans.ttf \
 *   simulation/src/main/java simulation-report/src/main/java
 * </pre>
 *
 * The output depends only on the source font and the characters (no timestamps).
 */
public final class ChartFontSubset {
  static final int UPEM = 1000;
  static final double FLATNESS = 1.5;
  static final String FAMILY = "Gridgov Chart Sans";
  static final String EXTRA = "±×÷—–…·°“”‘’•→←≤≥≈∞√²³µ€¥£";

  record Glyph(int advance, List<int[]> contours, int xMin, int yMin, int xMax, int yMax) {}

  public static void main(String[] args) throws Exception {
    Font source = face(new File(args[0]), args[1]);
    TreeSet<Integer> chars = new TreeSet<>();
    for (int c = 0x20; c < 0x7f; c++) {
      chars.add(c);
    }
    EXTRA.codePoints().forEach(chars::add);
    for (int i = 3; i < args.length; i++) {
      try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          Files.readString(f).codePoints().filter(ChartFontSubset::cjk).forEach(chars::add);
        }
      }
    }
    Font font = source.deriveFont((float) UPEM);
    FontRenderContext frc = new FontRenderContext(null, false, false);
    Map<Integer, Glyph> glyphs = new TreeMap<>();
    for (int c : chars) {
      if (font.canDisplay(c)) {
        glyphs.put(c, glyph(font, frc, c));
      }
    }
    byte[] ttf = ttf(glyphs);
    Files.write(Path.of(args[2]), ttf);
    System.out.println(glyphs.size() + " characters, " + ttf.length + " bytes -> " + args[2]);
  }

  static boolean cjk(int c) {
    return (c >= 0x3000 && c <= 0x303f)
        || (c >= 0x4e00 && c <= 0x9fff)
        || (c >= 0xff00 && c <= 0xffef);
  }

  static Font face(File file, String family) throws Exception {
    for (Font f : Font.createFonts(file)) {
      if (f.getFamily(java.util.Locale.ROOT).equals(family) && !f.getFontName().contains("Bold")) {
        return f;
      }
    }
    throw new IllegalArgumentException("no face " + family + " in " + file);
  }

  static Glyph glyph(Font font, FontRenderContext frc, int c) {
    GlyphVector gv = font.createGlyphVector(frc, Character.toChars(c));
    int advance = (int) Math.round(gv.getGlyphMetrics(0).getAdvance());
    Shape outline = gv.getGlyphOutline(0);
    List<int[]> contours = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    PathIterator it = outline.getPathIterator(new AffineTransform(1, 0, 0, -1, 0, 0), FLATNESS);
    double[] p = new double[6];
    int xMin = Integer.MAX_VALUE, yMin = Integer.MAX_VALUE;
    int xMax = Integer.MIN_VALUE, yMax = Integer.MIN_VALUE;
    while (!it.isDone()) {
      int type = it.currentSegment(p);
      if (type == PathIterator.SEG_MOVETO) {
        close(contours, current);
      }
      if (type == PathIterator.SEG_MOVETO || type == PathIterator.SEG_LINETO) {
        int x = (int) Math.round(p[0]);
        int y = (int) Math.round(p[1]);
        int n = current.size();
        if (n < 2 || current.get(n - 2) != x || current.get(n - 1) != y) {
          current.add(x);
          current.add(y);
          xMin = Math.min(xMin, x);
          yMin = Math.min(yMin, y);
          xMax = Math.max(xMax, x);
          yMax = Math.max(yMax, y);
        }
      } else if (type == PathIterator.SEG_CLOSE) {
        close(contours, current);
      }
      it.next();
    }
    close(contours, current);
    if (contours.isEmpty()) {
      return new Glyph(advance, contours, 0, 0, 0, 0);
    }
    return new Glyph(advance, contours, xMin, yMin, xMax, yMax);
  }

  static void close(List<int[]> contours, List<Integer> current) {
    int n = current.size();
    if (n >= 4
        && current.get(0).equals(current.get(n - 2))
        && current.get(1).equals(current.get(n - 1))) {
      current.remove(n - 1);
      current.remove(n - 2);
    }
    if (current.size() >= 6) {
      // Reversed: the source's (CFF) outer contours run counter-clockwise, TrueType's clockwise.
      int[] c = new int[current.size()];
      for (int i = 0; i < c.length; i += 2) {
        c[i] = current.get(c.length - 2 - i);
        c[i + 1] = current.get(c.length - 1 - i);
      }
      contours.add(c);
    }
    current.clear();
  }

  /** A hollow box: the missing-glyph (.notdef) shape, glyph 0. */
  static Glyph notdef() {
    int[] outer = {100, 0, 100, 800, 600, 800, 600, 0};
    int[] inner = {150, 50, 550, 50, 550, 750, 150, 750};
    return new Glyph(700, List.of(outer, inner), 100, 0, 600, 800);
  }

  static byte[] ttf(Map<Integer, Glyph> byChar) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.add(notdef());
    glyphs.addAll(byChar.values());
    List<Integer> chars = new ArrayList<>(byChar.keySet());
    ByteArrayOutputStream glyf = new ByteArrayOutputStream();
    int[] loca = new int[glyphs.size() + 1];
    int maxPoints = 0, maxContours = 0, advanceMax = 0;
    int xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    long advanceSum = 0;
    for (int g = 0; g < glyphs.size(); g++) {
      loca[g] = glyf.size();
      Glyph gl = glyphs.get(g);
      advanceMax = Math.max(advanceMax, gl.advance());
      advanceSum += gl.advance();
      if (!gl.contours().isEmpty()) {
        glyf.write(glyphData(gl));
        while (glyf.size() % 4 != 0) {
          glyf.write(0);
        }
        int points = gl.contours().stream().mapToInt(c -> c.length / 2).sum();
        maxPoints = Math.max(maxPoints, points);
        maxContours = Math.max(maxContours, gl.contours().size());
        xMin = Math.min(xMin, gl.xMin());
        yMin = Math.min(yMin, gl.yMin());
        xMax = Math.max(xMax, gl.xMax());
        yMax = Math.max(yMax, gl.yMax());
      }
    }
    loca[glyphs.size()] = glyf.size();
    int n = glyphs.size();
    int ascent = 880;
    int descent = -120;
    TreeMap<String, byte[]> tables = new TreeMap<>();
    tables.put("OS/2", os2((int) (advanceSum / n), chars, ascent, descent));
    tables.put("cmap", cmap(chars));
    tables.put("glyf", glyf.toByteArray());
    tables.put("head", head(xMin, yMin, xMax, yMax));
    tables.put("hhea", hhea(ascent, descent, advanceMax, n));
    tables.put("hmtx", hmtx(glyphs));
    tables.put("loca", loca(loca));
    tables.put("maxp", maxp(n, maxPoints, maxContours));
    tables.put("name", name());
    tables.put("post", post());
    return assemble(tables);
  }

  static byte[] glyphData(Glyph gl) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeShort(gl.contours().size());
    d.writeShort(gl.xMin());
    d.writeShort(gl.yMin());
    d.writeShort(gl.xMax());
    d.writeShort(gl.yMax());
    int end = -1;
    for (int[] c : gl.contours()) {
      end += c.length / 2;
      d.writeShort(end);
    }
    d.writeShort(0); // no instructions
    for (int[] c : gl.contours()) {
      for (int i = 0; i < c.length / 2; i++) {
        d.writeByte(0x01); // on curve, long coordinates
      }
    }
    int last = 0;
    for (int[] c : gl.contours()) {
      for (int i = 0; i < c.length; i += 2) {
        d.writeShort(c[i] - last);
        last = c[i];
      }
    }
    last = 0;
    for (int[] c : gl.contours()) {
      for (int i = 1; i < c.length; i += 2) {
        d.writeShort(c[i] - last);
        last = c[i];
      }
    }
    return b.toByteArray();
  }

  static byte[] head(int xMin, int yMin, int xMax, int yMax) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(0x00010000);
    d.writeInt(0x00010000);
    d.writeInt(0); // checkSumAdjustment, set in assemble
    d.writeInt(0x5F0F3CF5);
    d.writeShort(0x0009);
    d.writeShort(UPEM);
    d.writeLong(0); // created
    d.writeLong(0); // modified
    d.writeShort(xMin);
    d.writeShort(yMin);
    d.writeShort(xMax);
    d.writeShort(yMax);
    d.writeShort(0); // macStyle
    d.writeShort(8); // lowestRecPPEM
    d.writeShort(2);
    d.writeShort(1); // long loca
    d.writeShort(0);
    return b.toByteArray();
  }

  static byte[] hhea(int ascent, int descent, int advanceMax, int n) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(0x00010000);
    d.writeShort(ascent);
    d.writeShort(descent);
    d.writeShort(0);
    d.writeShort(advanceMax);
    d.writeShort(0);
    d.writeShort(0);
    d.writeShort(advanceMax);
    d.writeShort(1);
    d.writeShort(0);
    d.writeShort(0);
    for (int i = 0; i < 4; i++) {
      d.writeShort(0);
    }
    d.writeShort(0);
    d.writeShort(n);
    return b.toByteArray();
  }

  static byte[] hmtx(List<Glyph> glyphs) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    for (Glyph g : glyphs) {
      d.writeShort(g.advance());
      d.writeShort(g.xMin());
    }
    return b.toByteArray();
  }

  static byte[] loca(int[] loca) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    for (int o : loca) {
      d.writeInt(o);
    }
    return b.toByteArray();
  }

  static byte[] maxp(int n, int maxPoints, int maxContours) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(0x00010000);
    d.writeShort(n);
    d.writeShort(maxPoints);
    d.writeShort(maxContours);
    d.writeShort(0);
    d.writeShort(0);
    d.writeShort(2);
    for (int i = 0; i < 8; i++) {
      d.writeShort(0);
    }
    return b.toByteArray();
  }

  static byte[] cmap(List<Integer> chars) throws IOException {
    int segs = chars.size() + 1;
    int searchRange = 2 * Integer.highestOneBit(segs);
    int entrySelector = Integer.numberOfTrailingZeros(Integer.highestOneBit(segs));
    ByteArrayOutputStream sub = new ByteArrayOutputStream();
    DataOutputStream s = new DataOutputStream(sub);
    s.writeShort(4);
    s.writeShort(16 + 8 * segs);
    s.writeShort(0);
    s.writeShort(segs * 2);
    s.writeShort(searchRange);
    s.writeShort(entrySelector);
    s.writeShort(segs * 2 - searchRange);
    for (int c : chars) {
      s.writeShort(c);
    }
    s.writeShort(0xFFFF);
    s.writeShort(0);
    for (int c : chars) {
      s.writeShort(c);
    }
    s.writeShort(0xFFFF);
    for (int i = 0; i < chars.size(); i++) {
      s.writeShort((i + 1 - chars.get(i)) & 0xFFFF);
    }
    s.writeShort(1);
    for (int i = 0; i < segs; i++) {
      s.writeShort(0);
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeShort(0);
    d.writeShort(1);
    d.writeShort(3);
    d.writeShort(1);
    d.writeInt(12);
    d.write(sub.toByteArray());
    return b.toByteArray();
  }

  static byte[] os2(int avg, List<Integer> chars, int ascent, int descent) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeShort(4);
    d.writeShort(avg);
    d.writeShort(400);
    d.writeShort(5);
    d.writeShort(0); // fsType: installable
    int[] script = {650, 600, 0, 75, 650, 600, 0, 350};
    for (int v : script) {
      d.writeShort(v);
    }
    d.writeShort(50);
    d.writeShort(250);
    d.writeShort(0);
    d.write(new byte[10]); // panose
    d.writeInt(1); // Basic Latin
    d.writeInt(1 << (59 - 32)); // CJK Unified Ideographs
    d.writeInt(0);
    d.writeInt(0);
    d.write("GGOV".getBytes(StandardCharsets.US_ASCII));
    d.writeShort(0x40); // regular
    d.writeShort(chars.get(0));
    d.writeShort(Math.min(0xFFFF, chars.get(chars.size() - 1)));
    d.writeShort(ascent);
    d.writeShort(descent);
    d.writeShort(0);
    d.writeShort(ascent);
    d.writeShort(-descent);
    d.writeInt(1 | (1 << 18)); // Latin 1, simplified Chinese
    d.writeInt(0);
    d.writeShort(500);
    d.writeShort(700);
    d.writeShort(0);
    d.writeShort(0x20);
    d.writeShort(1);
    return b.toByteArray();
  }

  static byte[] name() throws IOException {
    String[] names = {
      "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
          + " Subset of Noto Sans CJK SC for gridgov's charts.",
      FAMILY,
      "Regular",
      FAMILY + " Regular",
      FAMILY,
      "Version 1.0; subset of Noto Sans CJK SC",
      "GridgovChartSans-Regular"
    };
    ByteArrayOutputStream strings = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeShort(0);
    d.writeShort(names.length);
    d.writeShort(6 + 12 * names.length);
    for (int id = 0; id < names.length; id++) {
      byte[] s = names[id].getBytes(StandardCharsets.UTF_16BE);
      d.writeShort(3);
      d.writeShort(1);
      d.writeShort(0x409);
      d.writeShort(id);
      d.writeShort(s.length);
      d.writeShort(strings.size());
      strings.write(s);
    }
    d.write(strings.toByteArray());
    return b.toByteArray();
  }

  static byte[] post() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(0x00030000);
    d.writeInt(0);
    d.writeShort(-100);
    d.writeShort(50);
    for (int i = 0; i < 5; i++) {
      d.writeInt(0);
    }
    return b.toByteArray();
  }

  static byte[] assemble(TreeMap<String, byte[]> tables) throws IOException {
    int n = tables.size();
    int entrySelector = Integer.numberOfTrailingZeros(Integer.highestOneBit(n));
    int searchRange = 16 * Integer.highestOneBit(n);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeInt(0x00010000);
    d.writeShort(n);
    d.writeShort(searchRange);
    d.writeShort(entrySelector);
    d.writeShort(n * 16 - searchRange);
    int offset = 12 + 16 * n;
    int headOffset = 0;
    for (Map.Entry<String, byte[]> t : tables.entrySet()) {
      d.write(t.getKey().getBytes(StandardCharsets.US_ASCII));
      d.writeInt((int) checksum(t.getValue()));
      d.writeInt(offset);
      d.writeInt(t.getValue().length);
      if (t.getKey().equals("head")) {
        headOffset = offset;
      }
      offset += (t.getValue().length + 3) & ~3;
    }
    for (byte[] t : tables.values()) {
      d.write(t);
      for (int i = t.length; (i & 3) != 0; i++) {
        d.write(0);
      }
    }
    byte[] font = b.toByteArray();
    long adjustment = (0xB1B0AFBAL - checksum(font)) & 0xFFFFFFFFL;
    font[headOffset + 8] = (byte) (adjustment >>> 24);
    font[headOffset + 9] = (byte) (adjustment >>> 16);
    font[headOffset + 10] = (byte) (adjustment >>> 8);
    font[headOffset + 11] = (byte) adjustment;
    return font;
  }

  static long checksum(byte[] data) {
    long sum = 0;
    for (int i = 0; i < data.length; i += 4) {
      long word = 0;
      for (int j = 0; j < 4; j++) {
        word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
      }
      sum = (sum + word) & 0xFFFFFFFFL;
    }
    return sum;
  }
}
