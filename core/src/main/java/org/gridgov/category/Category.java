package org.gridgov.category;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.gridgov.internal.TupleStyle;
import org.immutables.value.Value;

/**
 * One class of a {@link CategoryCatalog}: a major class (大类) such as {@code 01 市容环境} or a minor
 * class (小类) such as {@code 0102 暴露垃圾}.
 *
 * <p>Immutable. Obtain categories from a catalogue; {@link #of} exists for catalogues built in
 * code.
 */
@Value.Immutable
@TupleStyle
public abstract class Category {

  Category() {}

  /**
   * Returns the code, ASCII digits only; a child's code extends its parent's code.
   *
   * @return the code, e.g. {@code 0102}
   */
  public abstract String code();

  /**
   * Returns the level in the catalogue's code scheme: 1 for a major class (大类), 2 for a minor class
   * (小类).
   *
   * @return the 1-based level
   */
  public abstract int level();

  /**
   * Returns the parent's code, absent for a top-level class.
   *
   * @return the parent code
   */
  public abstract Optional<String> parentCode();

  /**
   * Returns the Chinese name, e.g. {@code 暴露垃圾}.
   *
   * @return the Chinese name, never blank
   */
  public abstract String chineseName();

  /**
   * Returns the English name, e.g. {@code Exposed rubbish}.
   *
   * @return the English name, never blank
   */
  public abstract String englishName();

  /**
   * Returns whether the class classifies events (事件) or components (部件).
   *
   * @return the kind
   */
  public abstract CategoryKind kind();

  /**
   * Creates a category.
   *
   * @param code the code, ASCII digits
   * @param level the 1-based level
   * @param parentCode the parent's code, absent exactly when {@code level == 1}; must be a proper
   *     prefix of {@code code}
   * @param chineseName the Chinese name
   * @param englishName the English name
   * @param kind the kind
   * @return the category
   * @throws IllegalArgumentException if a value breaks one of the rules above or a name is blank
   */
  public static Category of(
      String code,
      int level,
      Optional<String> parentCode,
      String chineseName,
      String englishName,
      CategoryKind kind) {
    return ImmutableCategory.of(code, level, parentCode, chineseName, englishName, kind);
  }

  @Value.Check
  void check() {
    checkArgument(
        !code().isEmpty() && code().chars().allMatch(c -> c >= '0' && c <= '9'),
        "category code must be ASCII digits but was \"%s\"",
        code());
    checkArgument(level() >= 1, "category %s: level must be >= 1 but was %s", code(), level());
    checkArgument(
        parentCode().isPresent() == (level() > 1),
        "category %s: a parent code is required exactly when level > 1 (level %s, parent %s)",
        code(),
        level(),
        parentCode());
    parentCode()
        .ifPresent(
            p ->
                checkArgument(
                    p.length() < code().length() && code().startsWith(p),
                    "category %s: parent code %s must be a proper prefix of the code",
                    code(),
                    p));
    checkArgument(!chineseName().isBlank(), "category %s: Chinese name must not be blank", code());
    checkArgument(!englishName().isBlank(), "category %s: English name must not be blank", code());
  }

  /** Renders as {@code 0102 暴露垃圾 (Exposed rubbish, EVENT)}. */
  @Override
  public String toString() {
    return code() + " " + chineseName() + " (" + englishName() + ", " + kind() + ")";
  }
}
