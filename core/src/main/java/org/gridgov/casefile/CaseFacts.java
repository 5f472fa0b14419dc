package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.ImmutableLongArray;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.gridgov.internal.BuildableStyle;
import org.immutables.value.Value;

/**
 * The facts of a case that do not change as it moves through its lifecycle: id, category, priority,
 * kind, location, source, the reporter and the point it was reported at.
 *
 * <p>The location is one or more region codes (the grids or units the case touches). gridgov-core
 * stores only the codes; the routing layer computes the lowest common ancestor that owns a case
 * touching several grids.
 *
 * <p>Immutable. {@link #toString()} shows the reporter masked (see {@link PersonalData}).
 *
 * <pre>{@code
 * CaseFacts facts = CaseFacts.builder()
 *     .id(CaseId.of("C-2024-0001"))
 *     .categoryCode("0102")
 *     .priority(Priority.NORMAL)
 *     .kind(CaseKind.IMMEDIATE)
 *     .locationCodes(ImmutableLongArray.of(350302001001001L))
 *     .source(CaseSource.HOTLINE_12345)
 *     .reporter(PersonalData.of("张三丰", "13812345678"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@BuildableStyle
public abstract class CaseFacts {

  CaseFacts() {}

  /**
   * Returns the case id.
   *
   * @return the id
   */
  public abstract CaseId id();

  /**
   * Returns the category code, e.g. {@code 0102}; see {@link org.gridgov.category.CategoryCatalog}.
   *
   * @return the category code, ASCII digits
   */
  public abstract String categoryCode();

  /**
   * Returns the priority.
   *
   * @return the priority
   */
  public abstract Priority priority();

  /**
   * Returns the case kind (即办件/承诺件/协调件).
   *
   * @return the kind
   */
  public abstract CaseKind kind();

  /**
   * Returns the region codes the case touches, in the order given, without duplicates.
   *
   * @return one or more positive region codes
   */
  public abstract ImmutableLongArray locationCodes();

  /**
   * Returns where the case came from.
   *
   * @return the source
   */
  public abstract CaseSource source();

  /**
   * Returns the reporter's personal data, absent for an anonymous or proactive case.
   *
   * @return the reporter
   */
  public abstract Optional<PersonalData> reporter();

  /**
   * Returns the point the reporter gave, if the case was reported at a point (personal data, masked
   * in {@link #toString()}; see {@link ReportedPoint}). The location codes hold the region the
   * point was resolved to.
   *
   * @return the reported point
   */
  public abstract Optional<ReportedPoint> point();

  /**
   * Returns whether any of the case's region codes satisfies a predicate, e.g. "lies in this
   * subtree". No boxing.
   *
   * @param regionFilter the predicate over region codes
   * @return whether at least one location code matches
   */
  public final boolean isLocatedIn(LongPredicate regionFilter) {
    ImmutableLongArray codes = locationCodes();
    for (int i = 0; i < codes.length(); i++) {
      if (regionFilter.test(codes.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return ImmutableCaseFacts.builder();
  }

  @Value.Check
  void check() {
    checkArgument(
        isAsciiDigits(categoryCode()),
        "case %s: category code must be ASCII digits but was \"%s\"",
        id(),
        categoryCode());
    ImmutableLongArray codes = locationCodes();
    checkArgument(!codes.isEmpty(), "case %s: at least one location code is required", id());
    for (int i = 0; i < codes.length(); i++) {
      checkArgument(
          codes.get(i) > 0, "case %s: location code %s must be positive", id(), codes.get(i));
      for (int j = 0; j < i; j++) {
        checkArgument(
            codes.get(i) != codes.get(j),
            "case %s: location code %s appears twice",
            id(),
            codes.get(i));
      }
    }
  }

  /**
   * Whether a code is non-empty and all ASCII digits (a loop: facts are checked on every decode).
   */
  private static boolean isAsciiDigits(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !code.isEmpty();
  }

  /** Builds {@link CaseFacts}; every attribute but the reporter is required and may be set once. */
  public interface Builder {
    /**
     * Sets the case id.
     *
     * @param id the id
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder id(CaseId id);

    /**
     * Sets the category code.
     *
     * @param categoryCode the code
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder categoryCode(String categoryCode);

    /**
     * Sets the priority.
     *
     * @param priority the priority
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder priority(Priority priority);

    /**
     * Sets the case kind.
     *
     * @param kind the kind
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder kind(CaseKind kind);

    /**
     * Sets the region codes.
     *
     * @param locationCodes one or more distinct positive codes
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder locationCodes(ImmutableLongArray locationCodes);

    /**
     * Sets the source.
     *
     * @param source the source
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder source(CaseSource source);

    /**
     * Sets the reporter.
     *
     * @param reporter the reporter's personal data
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder reporter(PersonalData reporter);

    /**
     * Sets the point the case was reported at.
     *
     * @param point the point
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder point(ReportedPoint point);

    /**
     * Builds the facts.
     *
     * @return the facts
     * @throws IllegalArgumentException if a value breaks a rule (see the accessors)
     * @throws IllegalStateException if a required attribute is missing
     */
    CaseFacts build();
  }
}
