package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How region codes are laid out: one decimal segment per {@link RegionLevel}, each level's code
 * being its parent's code followed by a local number of that level's width. A region code is held
 * as a {@code long}.
 *
 * <p>The {@linkplain #standard() standard scheme} is 6 (county, GB/T 2260) + 3 (street, GB/T 10114)
 * + 3 (community, NBS) + 3 (grid, DB11/T 2157) + 3 (unit) = 18 digits; {@link #cjt213()} is the
 * older CJ/T 213 layout with a 2-digit grid segment. Any widths of at least one digit each and at
 * most 18 digits in total can be used.
 *
 * <p>Rules for a valid code of level {@code L} (with {@code D} = {@link #digits(RegionLevel)
 * digits(L)}): it has exactly {@code D} decimal digits, the first of which is not zero, so codes of
 * different levels never collide. A child's code is {@code parent * 10^w + local} with {@code 0 <=
 * local < 10^w}, {@code w} being the child level's width. Local number 0 is accepted because real
 * data has it (street 350527000 is the placeholder township of 金门县); codes that gridgov assigns
 * itself (edits, the generator) start at 1.
 *
 * <p>Instances are immutable and thread-safe.
 */
@SuppressWarnings(
    "exports") // JSpecify/Error Prone annotations are compile-time only (requires static)
public final class CodeScheme {
  private static final int LEVELS = 5;
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private static final CodeScheme STANDARD = of(6, 3, 3, 3, 3);
  private static final CodeScheme CJT_213 = of(6, 3, 3, 2, 3);

  private final int[] widths;

  /** Cumulative digits per depth. */
  private final int[] digits;

  private CodeScheme(int[] widths) {
    this.widths = widths;
    this.digits = new int[LEVELS];
    int sum = 0;
    for (int i = 0; i < LEVELS; i++) {
      sum += widths[i];
      digits[i] = sum;
    }
  }

  /**
   * Returns the standard 6+3+3+3+3 = 18-digit scheme.
   *
   * @return the standard scheme
   */
  public static CodeScheme standard() {
    return STANDARD;
  }

  /**
   * Returns the CJ/T 213 layout 6+3+3+2+3 = 17 digits: a 2-digit grid segment, at most 99 grids per
   * community.
   *
   * @return the CJ/T 213 scheme
   */
  public static CodeScheme cjt213() {
    return CJT_213;
  }

  /**
   * Returns a scheme with the given segment widths.
   *
   * @param district digits of the district (county) code, at least 1
   * @param street width of the street segment, at least 1
   * @param community width of the community segment, at least 1
   * @param grid width of the grid segment, at least 1
   * @param unit width of the unit segment, at least 1
   * @return the scheme
   * @throws IllegalArgumentException if a width is below 1 or the total exceeds 18 digits
   */
  public static CodeScheme of(int district, int street, int community, int grid, int unit) {
    int[] w = {district, street, community, grid, unit};
    for (int i = 0; i < LEVELS; i++) {
      checkArgument(
          w[i] >= 1,
          "the %s segment width must be at least 1 but was %s",
          RegionLevel.ofDepth(i),
          w[i]);
    }
    int total = district + street + community + grid + unit;
    checkArgument(
        total <= 18,
        "code segment widths must add up to at most 18 digits (a long) but %s add up to %s",
        Arrays.toString(w),
        total);
    return new CodeScheme(w);
  }

  /**
   * Returns the width of a level's own segment, e.g. 3 for {@link RegionLevel#GRID} in the standard
   * scheme.
   *
   * @param level the level
   * @return the segment width in digits
   */
  public int width(RegionLevel level) {
    return widths[level.depth()];
  }

  /**
   * Returns the total number of digits of a code of a level, e.g. 9 for {@link RegionLevel#STREET}.
   *
   * @param level the level
   * @return the number of digits
   */
  public int digits(RegionLevel level) {
    return digits[level.depth()];
  }

  /**
   * Returns the level whose codes have a number of digits.
   *
   * @param digitCount a number of digits
   * @return the level, or empty if no level has codes of that length
   */
  public Optional<RegionLevel> levelOfDigits(int digitCount) {
    for (int i = 0; i < LEVELS; i++) {
      if (digits[i] == digitCount) {
        return Optional.of(RegionLevel.ofDepth(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the level of a valid code.
   *
   * @param code a code
   * @return the level, or empty if {@code code} is not a valid code of any level
   */
  public Optional<RegionLevel> levelOf(long code) {
    int depth = depthOf(code);
    return depth < 0 ? Optional.empty() : Optional.of(RegionLevel.ofDepth(depth));
  }

  /** The depth of a valid code, or -1. */
  int depthOf(long code) {
    for (int i = 0; i < LEVELS; i++) {
      if (code >= POW10[digits[i] - 1] && code < POW10[digits[i]]) {
        return isValidAtDepth(code, i) ? i : -1;
      }
    }
    return -1;
  }

  /**
   * Returns whether a code is a valid code of a level (see the class documentation).
   *
   * @param code the code
   * @param level the level
   * @return {@code true} if valid
   */
  public boolean isValid(long code, RegionLevel level) {
    return isValidAtDepth(code, level.depth());
  }

  private boolean isValidAtDepth(long code, int depth) {
    return code >= POW10[digits[depth] - 1] && code < POW10[digits[depth]];
  }

  /**
   * Parses a code of a given level.
   *
   * @param text the digits, e.g. {@code "350302001"}
   * @param level the expected level
   * @return the code
   * @throws IllegalArgumentException if the text is not a valid code of that level; the message
   *     says why
   */
  public long parse(CharSequence text, RegionLevel level) {
    String problem = problemWith(text, level);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return Long.parseLong(text.toString());
  }

  /**
   * Parses a code, taking its level from its length.
   *
   * @param text the digits, e.g. {@code "350302001"}
   * @return the code
   * @throws IllegalArgumentException if the text is not a valid code of any level
   */
  public long parse(CharSequence text) {
    Optional<RegionLevel> level = levelOfDigits(text.length());
    if (level.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "region code \"%s\" has %d characters; codes of this scheme have %s digits",
              text,
              text.length(),
              Arrays.toString(digits)));
    }
    return parse(text, level.get());
  }

  /**
   * Explains what is wrong with a code text, if anything; used by the parsers to report bad rows.
   *
   * @return the reason, or {@code null} if the text is a valid code of the level
   */
  @Nullable String problemWith(CharSequence text, RegionLevel level) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return String.format(
            Locale.ROOT, "a %s code must consist of digits only but \"%s\" does not", level, text);
      }
    }
    int want = digits(level);
    if (text.length() != want) {
      return String.format(
          Locale.ROOT,
          "a %s code must have exactly %d digits but \"%s\" has %d",
          level,
          want,
          text,
          text.length());
    }
    if (text.charAt(0) == '0') {
      return String.format(
          Locale.ROOT, "a region code must not start with 0 but \"%s\" does", text);
    }
    return null;
  }

  /**
   * Formats a code as its digits.
   *
   * @param code a valid code of any level
   * @return the digits
   * @throws IllegalArgumentException if the code is not valid in this scheme
   */
  public String format(long code) {
    checkArgument(depthOf(code) >= 0, "%s is not a valid region code of %s", code, this);
    return Long.toString(code);
  }

  /**
   * Returns the code of the parent of a region.
   *
   * @param code a valid code of level {@link RegionLevel#STREET} or below
   * @return the parent's code
   * @throws IllegalArgumentException if the code is invalid or a district's
   */
  public long parentCode(long code) {
    int depth = depthOf(code);
    checkArgument(depth > 0, "%s is not a valid code below the district level in %s", code, this);
    return code / POW10[widths[depth]];
  }

  /**
   * Returns the local number of a code: its last segment.
   *
   * @param code a valid code
   * @return the local number (for a district, the whole code)
   * @throws IllegalArgumentException if the code is invalid
   */
  public long localNumber(long code) {
    int depth = depthOf(code);
    checkArgument(depth >= 0, "%s is not a valid region code of %s", code, this);
    return depth == 0 ? code : code % POW10[widths[depth]];
  }

  /**
   * Returns the code of a child: {@code parentCode * 10^w + localNumber}.
   *
   * @param parentCode a valid code above the unit level
   * @param localNumber the child's local number, {@code 1 <= localNumber < 10^w}
   * @return the child's code
   * @throws IllegalArgumentException if the parent code is invalid, a unit's, or the local number
   *     out of range
   */
  public long childCode(long parentCode, long localNumber) {
    int depth = depthOf(parentCode);
    checkArgument(
        depth >= 0 && depth < LEVELS - 1,
        "%s is not a valid code above the unit level",
        parentCode);
    long limit = POW10[widths[depth + 1]];
    checkArgument(
        localNumber >= 1 && localNumber < limit,
        "a %s local number must be 1 to %s but was %s",
        RegionLevel.ofDepth(depth + 1),
        limit - 1,
        localNumber);
    return parentCode * limit + localNumber;
  }

  /**
   * Returns the largest local number a level's segment can hold, e.g. 999 for a 3-digit segment.
   *
   * @param level a level below {@link RegionLevel#DISTRICT}
   * @return {@code 10^width - 1}
   */
  public long maxLocalNumber(RegionLevel level) {
    return POW10[width(level)] - 1;
  }

  /**
   * Returns whether {@code childCode} is a valid code one level below {@code parentCode} and
   * extends it.
   *
   * @param parentCode a code
   * @param childCode a code
   * @return {@code true} if {@code childCode == parentCode * 10^w + local} with a valid local
   *     number
   */
  public boolean isChildCode(long parentCode, long childCode) {
    int pd = depthOf(parentCode);
    int cd = depthOf(childCode);
    return pd >= 0 && cd == pd + 1 && childCode / POW10[widths[cd]] == parentCode;
  }

  /**
   * Returns whether {@code code} is {@code ancestorCode} or a valid code below it that starts with
   * its digits.
   *
   * @param ancestorCode a code
   * @param code a code
   * @return {@code true} if the codes say so (the codes alone, not a tree)
   */
  public boolean isSelfOrDescendantCode(long ancestorCode, long code) {
    int ad = depthOf(ancestorCode);
    int d = depthOf(code);
    if (ad < 0 || d < ad) {
      return false;
    }
    return code / POW10[digits[d] - digits[ad]] == ancestorCode;
  }

  /**
   * Returns a pre-order sort key: the code left-aligned to 18 digits (padded with zeros), times 8,
   * plus the depth. Sorting keys sorts regions in pre-order: each region before its descendants,
   * siblings by local number (the depth breaks ties between a region and a descendant whose local
   * numbers are 0). Fits a long: 10^18 * 8 is below 2^63.
   *
   * @param code a valid code
   * @param depth the depth of its level
   * @return the key; {@code key & 7} is the depth
   */
  long preOrderKey(long code, int depth) {
    return code * POW10[18 - digits[depth]] * 8 + depth;
  }

  /** Inverse of {@link #preOrderKey}. */
  long codeOfPreOrderKey(long key) {
    int depth = (int) (key & 7);
    return (key >>> 3) / POW10[18 - digits[depth]];
  }

  static long pow10(int n) {
    return POW10[n];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CodeScheme other && Arrays.equals(widths, other.widths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(widths);
  }

  /** Returns e.g. {@code CodeScheme[6+3+3+3+3]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "CodeScheme[%d+%d+%d+%d+%d]",
        widths[0],
        widths[1],
        widths[2],
        widths[3],
        widths[4]);
  }
}
