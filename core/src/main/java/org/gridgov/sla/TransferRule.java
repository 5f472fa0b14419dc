package org.gridgov.sla;

/**
 * What a transfer (转办) or a return (退回) does to a handler's clock. The engine applies one rule per
 * clock and per kind of move, as the {@link SlaPolicy} says; see {@link SlaClock#transfer}.
 */
public enum TransferRule {
  /** The clock goes on as if nothing happened: elapsed time, pauses and fired warnings are kept. */
  KEEP,
  /**
   * A fresh clock starts, running, at the transfer instant: elapsed time zero, no warning fired,
   * and the budget of a working-days limit counted from the transfer instant.
   */
  RESTART,
  /**
   * The new clock counts from the case's creation: it takes the running and paused history of the
   * case's own clock (so case suspensions stay excluded) with its own limit and levels; no warning
   * counts as fired, so every level the history has already passed fires on the next {@link
   * SlaClock#advance}, in order.
   */
  FROM_CREATION
}
