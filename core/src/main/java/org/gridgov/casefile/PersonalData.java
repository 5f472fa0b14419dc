package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reporter's personal data (name, phone), kept in one type that masks itself.
 *
 * <p>{@link #toString()}, {@link #maskedName()} and {@link #maskedPhone()} never show the full
 * values; exporters (such as the JSON adapter in gridgov-examples) write the masked form unless the
 * embedder explicitly asks for the clear values, which only {@link #revealName()} and {@link
 * #revealPhone()} return. The method names are chosen so that a code review sees every place that
 * reveals personal data.
 *
 * <p>Masking rules: a name keeps its first character (code point) and every further character
 * becomes {@code *} ({@code 张三丰} → {@code 张**}, {@code 张三} → {@code 张*}); a one-character name
 * becomes {@code *}. A phone number of 11 or more characters (a mobile number, a landline with its
 * area code, an international number) keeps its first 3 and last 4 ({@code 13812345678} → {@code
 * 138****5678}, {@code +8613812345678} → {@code +86*******5678}); of 8 to 10 characters (a local
 * landline) keeps its last 4 ({@code 12345678} → {@code ****5678}); of 5 to 7 characters keeps its
 * last 2; shorter numbers are fully masked. No mask shows more than 7 digits or more than half of a
 * number plus 2.
 *
 * <p>Immutable; equality compares the clear values.
 */
public final class PersonalData {
  private final String name;
  private final @Nullable String phone;

  private PersonalData(String name, @Nullable String phone) {
    this.name = name;
    this.phone = phone;
  }

  /**
   * Returns personal data with a name and a phone number.
   *
   * @param name the name, not blank
   * @param phone the phone number, not blank
   * @return the personal data
   * @throws IllegalArgumentException if a value is blank
   */
  public static PersonalData of(String name, String phone) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phone, "phone");
    checkArgument(!name.isBlank(), "a reporter's name must not be blank");
    checkArgument(
        !phone.isBlank(), "a reporter's phone must not be blank (use ofName without a phone)");
    return new PersonalData(name, phone);
  }

  /**
   * Returns personal data with a name only.
   *
   * @param name the name, not blank
   * @return the personal data
   * @throws IllegalArgumentException if the name is blank
   */
  public static PersonalData ofName(String name) {
    checkArgument(!name.isBlank(), "a reporter's name must not be blank");
    return new PersonalData(name, null);
  }

  /**
   * Returns the masked name, e.g. {@code 张**}.
   *
   * @return the masked name
   */
  public String maskedName() {
    return maskName(name);
  }

  /**
   * Returns the masked phone number, e.g. {@code 138****5678}.
   *
   * @return the masked phone, empty if no phone is known
   */
  public Optional<String> maskedPhone() {
    return phone == null ? Optional.empty() : Optional.of(maskPhone(phone));
  }

  /**
   * Returns the clear name. Call only where showing the name is allowed.
   *
   * @return the name
   */
  public String revealName() {
    return name;
  }

  /**
   * Returns the clear phone number. Call only where showing it is allowed.
   *
   * @return the phone, empty if none is known
   */
  public Optional<String> revealPhone() {
    return Optional.ofNullable(phone);
  }

  /**
   * Masks a name by the rule in the class documentation.
   *
   * @param name a name
   * @return the masked name
   */
  public static String maskName(String name) {
    int n = name.codePointCount(0, name.length());
    if (n <= 1) {
      return "*";
    }
    return new String(Character.toChars(name.codePointAt(0))) + "*".repeat(n - 1);
  }

  /**
   * Masks a phone number by the rule in the class documentation.
   *
   * @param phone a phone number
   * @return the masked number
   */
  public static String maskPhone(String phone) {
    int n = phone.length();
    if (n >= 11) {
      return phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
    }
    if (n >= 8) {
      return "*".repeat(n - 4) + phone.substring(n - 4);
    }
    if (n >= 5) {
      return "*".repeat(n - 2) + phone.substring(n - 2);
    }
    return "*".repeat(n);
  }

  /** Compares the clear values. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PersonalData other
        && name.equals(other.name)
        && Objects.equals(phone, other.phone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, phone);
  }

  /** Renders the masked values only: {@code PersonalData[name=张**, phone=138****5678]}. */
  @Override
  public String toString() {
    return "PersonalData[name=" + maskedName() + ", phone=" + maskedPhone().orElse("") + "]";
  }
}
