package org.gridgov.category;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.ImmutableIntArray;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How category codes are laid out: the number of digits each level adds to its parent's code.
 *
 * <p>The {@linkplain #standard() standard scheme} has two levels of two digits each, as in the 数字城管
 * practice: a major class (大类) {@code 01} and its minor class (小类) {@code 0102}. A scheme of {@code
 * 2, 2, 3} adds a third level ({@code 0102001}). A child's code always extends its parent's code,
 * so the parent of a code is its prefix.
 *
 * <p>Instances are immutable; equal when their widths are equal.
 */
public final class CategoryCodeScheme {
  private static final CategoryCodeScheme STANDARD = new CategoryCodeScheme(new int[] {2, 2});

  /** The most levels a scheme may have. */
  public static final int MAX_LEVELS = 6;

  /** The most digits a level may add. */
  public static final int MAX_WIDTH = 6;

  private final int[] widths;
  private final int[] totals;

  private CategoryCodeScheme(int[] widths) {
    this.widths = widths;
    this.totals = new int[widths.length];
    int sum = 0;
    for (int i = 0; i < widths.length; i++) {
      sum += widths[i];
      totals[i] = sum;
    }
  }

  /**
   * Returns the standard scheme: two levels, two digits each ({@code 01} / {@code 0102}).
   *
   * @return the standard scheme
   */
  public static CategoryCodeScheme standard() {
    return STANDARD;
  }

  /**
   * Returns a scheme with the given digits per level, from the top level down.
   *
   * @param widths the digits each level adds; between 1 and {@value #MAX_LEVELS} levels of 1 to
   *     {@value #MAX_WIDTH} digits
   * @return the scheme
   * @throws IllegalArgumentException if there are no levels, too many, or a width is out of range
   */
  public static CategoryCodeScheme of(int... widths) {
    checkArgument(
        widths.length >= 1 && widths.length <= MAX_LEVELS,
        "a category code scheme needs 1 to %s levels but got %s",
        MAX_LEVELS,
        widths.length);
    for (int i = 0; i < widths.length; i++) {
      int w = widths[i];
      if (w < 1 || w > MAX_WIDTH) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "width of level %d must be between 1 and %d but was %d",
                i + 1,
                MAX_WIDTH,
                w));
      }
    }
    return new CategoryCodeScheme(widths.clone());
  }

  /**
   * Returns the digits each level adds, from the top level down.
   *
   * @return the widths
   */
  public ImmutableIntArray widths() {
    return ImmutableIntArray.copyOf(widths);
  }

  /**
   * Returns the number of levels.
   *
   * @return the level count, at least 1
   */
  public int levels() {
    return widths.length;
  }

  /**
   * Returns the level (1 = top) that a code of this shape belongs to.
   *
   * @param code a code
   * @return the 1-based level, or 0 when the code is not all ASCII digits or its length matches no
   *     level
   */
  public int levelOf(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
    }
    for (int i = 0; i < totals.length; i++) {
      if (totals[i] == code.length()) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Returns the code's parent code: its prefix one level up.
   *
   * @param code a code of this scheme
   * @return the parent code, or {@code null} for a top-level code
   * @throws IllegalArgumentException if the code does not fit this scheme
   */
  @Nullable String parentOf(String code) {
    int level = levelOf(code);
    checkArgument(level > 0, "category code \"%s\" does not fit the scheme %s", code, this);
    return level == 1 ? null : code.substring(0, totals[level - 2]);
  }

  /** Compares the widths. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CategoryCodeScheme other && Arrays.equals(widths, other.widths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(widths);
  }

  /** Renders as {@code CategoryCodeScheme[2+2]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CategoryCodeScheme[");
    for (int i = 0; i < widths.length; i++) {
      sb.append(i == 0 ? "" : "+").append(widths[i]);
    }
    return sb.append(']').toString();
  }
}
