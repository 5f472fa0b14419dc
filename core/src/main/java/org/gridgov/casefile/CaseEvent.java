package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import org.gridgov.internal.BuildableStyle;
import org.immutables.value.Value;

/**
 * One immutable entry of a case's append-only log: which case, its place in the log, when, who, and
 * what happened ({@link EventPayload}).
 *
 * <p>Sequence numbers start at 1 for the {@link EventPayload.Reported} event and grow by exactly 1;
 * instants never go backwards within a case (both are checked by {@link CaseLifecycle}). Events
 * carry a {@linkplain #schemaVersion() schema version} so that embedders can persist them in any
 * format and migrate old records; gridgov-core does no I/O itself.
 *
 * <pre>{@code
 * CaseEvent e = CaseEvent.of(id, 4, at, Actor.of("dispatcher-1", Role.DISPATCHER),
 *     new EventPayload.Dispatched("urban-management-bureau", HandlerRole.LEAD));
 * }</pre>
 */
@Value.Immutable
@BuildableStyle
public abstract class CaseEvent {

  /**
   * The schema version this library writes: version 1, the event set documented in {@code
   * docs/cases.md}.
   */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  CaseEvent() {}

  /**
   * Returns the case the event belongs to.
   *
   * @return the case id
   */
  public abstract CaseId caseId();

  /**
   * Returns the event's place in its case's log: 1 for the first event, then 2, 3, ...
   *
   * @return the sequence number, at least 1
   */
  public abstract long sequence();

  /**
   * Returns when the event happened.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * Returns who caused the event.
   *
   * @return the actor
   */
  public abstract Actor actor();

  /**
   * Returns the schema version the event was written with; defaults to {@link
   * #CURRENT_SCHEMA_VERSION}.
   *
   * @return the schema version, between 1 and {@link #CURRENT_SCHEMA_VERSION}
   */
  @Value.Default
  public int schemaVersion() {
    return CURRENT_SCHEMA_VERSION;
  }

  /**
   * Returns what happened.
   *
   * @return the payload
   */
  public abstract EventPayload payload();

  /**
   * Returns the payload's type, for a {@code switch}.
   *
   * @return the event type
   */
  public final EventType type() {
    return payload().type();
  }

  /**
   * Creates an event with the current schema version.
   *
   * @param caseId the case
   * @param sequence the sequence number, at least 1
   * @param at when it happened
   * @param actor who caused it
   * @param payload what happened
   * @return the event
   * @throws IllegalArgumentException if {@code sequence < 1}
   */
  public static CaseEvent of(
      CaseId caseId, long sequence, Instant at, Actor actor, EventPayload payload) {
    return builder().caseId(caseId).sequence(sequence).at(at).actor(actor).payload(payload).build();
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return ImmutableCaseEvent.builder();
  }

  @Value.Check
  void check() {
    checkArgument(
        sequence() >= 1,
        "case %s: an event's sequence number must be >= 1 but was %s",
        caseId(),
        sequence());
    checkArgument(
        schemaVersion() >= 1 && schemaVersion() <= CURRENT_SCHEMA_VERSION,
        "case %s event #%s: schema version must be between 1 and %s but was %s",
        caseId(),
        sequence(),
        CURRENT_SCHEMA_VERSION,
        schemaVersion());
  }

  /** Renders as {@code C-1#4 2024-03-01T02:00:00Z dispatcher-1 (DISPATCHER) Dispatched[...]}. */
  @Override
  public String toString() {
    return caseId() + "#" + sequence() + " " + at() + " " + actor() + " " + payload();
  }

  /**
   * Builds a {@link CaseEvent}; every attribute but the schema version is required and may be set
   * once.
   */
  public interface Builder {
    /**
     * Sets the case id.
     *
     * @param caseId the case
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder caseId(CaseId caseId);

    /**
     * Sets the sequence number.
     *
     * @param sequence the sequence number, at least 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder sequence(long sequence);

    /**
     * Sets the instant.
     *
     * @param at when it happened
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder at(Instant at);

    /**
     * Sets the actor.
     *
     * @param actor who caused it
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder actor(Actor actor);

    /**
     * Sets the schema version (default {@link #CURRENT_SCHEMA_VERSION}); for events read back from
     * storage.
     *
     * @param schemaVersion the version
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder schemaVersion(int schemaVersion);

    /**
     * Sets the payload.
     *
     * @param payload what happened
     * @return this builder
     */
    @CanIgnoreReturnValue
    Builder payload(EventPayload payload);

    /**
     * Builds the event.
     *
     * @return the event
     * @throws IllegalArgumentException if a value breaks a rule
     * @throws IllegalStateException if a required attribute is missing
     */
    CaseEvent build();
  }
}
