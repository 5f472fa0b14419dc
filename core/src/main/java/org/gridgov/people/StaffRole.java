package org.gridgov.people;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.Role;
import org.jspecify.annotations.Nullable;

/**
 * A staff role of the configured set (一格多员): a grid leader (网格长), a full-time grid worker (专职网格员),
 * a police officer (网格民警), a safety inspector, a party-member household contact, a volunteer. Roles
 * are data ({@link StaffRoles}); the engine knows only the {@link Role} a staff role acts as on
 * cases, if any.
 *
 * @param code the role's code, 1 to 32 characters of {@code a-z 0-9 _} starting with a letter
 * @param chineseName the Chinese name, e.g. {@code 专职网格员}
 * @param englishName the English name, e.g. {@code full-time grid worker}
 * @param actsAs the role in which a holder acts on cases (e.g. {@code GRID_WORKER}), or empty for a
 *     role that does not act on cases itself (a volunteer)
 */
public record StaffRole(
    String code, String chineseName, String englishName, Optional<Role> actsAs) {

  /**
   * Validates.
   *
   * @param code the code
   * @param chineseName the Chinese name
   * @param englishName the English name
   * @param actsAs the case role, or empty
   * @throws IllegalArgumentException naming the field and value that is wrong
   */
  public StaffRole {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(chineseName, "chineseName");
    Objects.requireNonNull(englishName, "englishName");
    Objects.requireNonNull(actsAs, "actsAs");
    String p = codeProblem(code);
    checkArgument(p == null, "%s", p);
    checkArgument(!chineseName.isBlank(), "role %s: the Chinese name must not be blank", code);
    checkArgument(!englishName.isBlank(), "role %s: the English name must not be blank", code);
    checkArgument(
        actsAs.isEmpty() || actsAs.get() != Role.RESIDENT,
        "role %s cannot act as RESIDENT: staff act in a jurisdiction",
        code);
  }

  /**
   * Returns a role.
   *
   * @param code the code
   * @param chineseName the Chinese name
   * @param englishName the English name
   * @param actsAs the case role, or null for none
   * @return the role
   */
  public static StaffRole of(
      String code, String chineseName, String englishName, @Nullable Role actsAs) {
    return new StaffRole(code, chineseName, englishName, Optional.ofNullable(actsAs));
  }

  /**
   * Returns why a text is not a role code, or null.
   *
   * @param code the text
   * @return the problem, or null
   */
  static @Nullable String codeProblem(String code) {
    boolean ok =
        !code.isEmpty() && code.length() <= 32 && code.charAt(0) >= 'a' && code.charAt(0) <= 'z';
    for (int i = 0; ok && i < code.length(); i++) {
      char c = code.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    return ok
        ? null
        : String.format(
            Locale.ROOT,
            "role code \"%s\" must be 1 to 32 characters of a-z, 0-9 and _, starting with a letter",
            code.length() > 40 ? code.substring(0, 40) + "…" : code);
  }

  /** Renders as {@code grid_worker (专职网格员)}. */
  @Override
  public String toString() {
    return code + " (" + chineseName + ")";
  }
}
