package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.gridgov.internal.BuildableStyle;
import org.immutables.value.Value;

/**
 * What to compute indicators for: a half-open period {@code [fromInclusive, toExclusive)}, an
 * optional region filter and handler filter, and the options of the rates. See {@link
 * CaseIndicators} for the definitions.
 *
 * <pre>{@code
 * IndicatorQuery q = IndicatorQuery.builder()
 *     .fromInclusive(Instant.parse("2024-03-01T00:00:00+08:00"))
 *     .toExclusive(Instant.parse("2024-04-01T00:00:00+08:00"))
 *     .regionFilter(code -> code / 1_000_000_000L == 350302001L)   // a street's subtree
 *     .build();
 * }</pre>
 */
@Value.Immutable
@BuildableStyle
public abstract class IndicatorQuery {

  IndicatorQuery() {}

  /**
   * Returns the start of the period, inclusive.
   *
   * @return the start
   */
  public abstract Instant fromInclusive();

  /**
   * Returns the end of the period, exclusive. Events at or after it are ignored, so indicators are
   * "as of" this instant even when the logs go further.
   *
   * @return the end
   */
  public abstract Instant toExclusive();

  /**
   * Returns the region filter: a case is counted if any of its location codes satisfies it.
   * Typically "lies in this subtree" from the region tree. Absent: every region.
   *
   * @return the region filter
   */
  public abstract Optional<LongPredicate> regionFilter();

  /**
   * Returns the handler filter: a case is counted if any handler that led or assisted it before the
   * period end satisfies it; {@linkplain IndicatorReport#handlerLoads() handler loads} are reported
   * for matching handlers only. Absent: every handler.
   *
   * @return the handler filter
   */
  public abstract Optional<Predicate<String>> handlerFilter();

  /**
   * Returns whether cases deferred (缓办: suspended at any time before the period end) are left out
   * of 应结案 and hence of 结案率, 按期结案率, 按期处置率 and 延期率. Default {@code false}.
   *
   * @return whether deferred cases are excluded from the due cases
   */
  @Value.Default
  public boolean excludeDeferredFromDue() {
    return false;
  }

  /**
   * Returns the response limit for 响应率: a dispatched case is responded to if its lead first
   * accepted it within this natural time of its first lead dispatch. Default 24 hours; set your
   * local rule.
   *
   * @return the response limit, positive
   */
  @Value.Default
  public Duration responseLimit() {
    return Duration.ofHours(24);
  }

  /**
   * Returns the weights of the three-rate composite score. Default {@link
   * ThreeRateWeights#equal()}.
   *
   * @return the weights
   */
  @Value.Default
  public ThreeRateWeights weights() {
    return ThreeRateWeights.equal();
  }

  /**
   * Returns a function measuring working time between two instants (e.g. a business calendar's
   * {@code workingTimeBetween}); when present, the report also gives time to close in working time.
   *
   * @return the working-time function {@code (start, end) -> duration}
   */
  public abstract Optional<BiFunction<Instant, Instant, Duration>> workingTime();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return ImmutableIndicatorQuery.builder();
  }

  @Value.Check
  void check() {
    checkArgument(
        fromInclusive().isBefore(toExclusive()),
        "the period [%s, %s) is empty",
        fromInclusive(),
        toExclusive());
    checkArgument(
        responseLimit().compareTo(Duration.ZERO) > 0,
        "responseLimit must be positive but was %s",
        responseLimit());
  }

  /**
   * Builds an {@link IndicatorQuery}; the period is required, everything else optional, each set at
   * most once.
   */
  public interface Builder {
    /**
     * Sets the start of the period.
     *
     * @param fromInclusive the start, inclusive
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder fromInclusive(Instant fromInclusive);

    /**
     * Sets the end of the period.
     *
     * @param toExclusive the end, exclusive; after the start
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder toExclusive(Instant toExclusive);

    /**
     * Sets the region filter.
     *
     * @param regionFilter a predicate over region codes
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder regionFilter(LongPredicate regionFilter);

    /**
     * Sets the handler filter.
     *
     * @param handlerFilter a predicate over handler ids
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder handlerFilter(Predicate<String> handlerFilter);

    /**
     * Sets whether deferred cases are excluded from the due cases.
     *
     * @param excludeDeferredFromDue the option
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder excludeDeferredFromDue(boolean excludeDeferredFromDue);

    /**
     * Sets the response limit.
     *
     * @param responseLimit a positive duration
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder responseLimit(Duration responseLimit);

    /**
     * Sets the three-rate weights.
     *
     * @param weights the weights
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder weights(ThreeRateWeights weights);

    /**
     * Sets the working-time function.
     *
     * @param workingTime {@code (start, end) -> working time between them}
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder workingTime(BiFunction<Instant, Instant, Duration> workingTime);

    /**
     * Builds the query.
     *
     * @return the query
     * @throws IllegalArgumentException if the period is empty or the response limit not positive
     * @throws IllegalStateException if the period is not set
     */
    IndicatorQuery build();
  }
}
