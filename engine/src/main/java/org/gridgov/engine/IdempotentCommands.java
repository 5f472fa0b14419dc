package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.function.Function;
import org.gridgov.casefile.CaseEvent;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency as a decorator around the command path: a command id seen before with an equal
 * command (same principal, case, instant and action) returns the events of its first execution
 * without running it again; the same id with anything else is refused as {@link
 * CommandIdReusedException}. Only executed commands are remembered (a refused one may be retried
 * under its id), the most recent {@code memory} of them.
 *
 * <p>Held compactly, because every command passes here: the remembered commands sit in a ring (the
 * oldest is overwritten once {@code memory} are held; the ring grows by doubling up to that size),
 * and an open-addressing table of {@code int}s (linear probing; each cell the ring slot + 1 in its
 * low bits and the id's hash in the bits above) finds a slot by id. The table is at least four
 * times the ring. A command that leaves the ring is not removed from the table (that would be a
 * second random read of the table per command): its cell goes stale, a look-up skips it because the
 * slot now holds another id, and once stale and live cells fill half the table it is rebuilt from
 * the ring's hashes (once per {@code memory} commands in the steady state). At most {@value
 * #MAX_RING} commands are held, whatever the memory asks.
 */
final class IdempotentCommands {
  private static final int INITIAL = 1 << 10;
  private static final int MAX_RING = 1 << 28;

  private final int memory;
  private @Nullable Command[] commands = new Command[0];
  private @Nullable ImmutableList<?>[] events = new ImmutableList<?>[0];
  private int[] hashes = new int[0];
  private int[] table = new int[0];
  private int slotMask; // the low bits of a cell: ring slot + 1
  private int cells; // occupied cells of the table, live and stale
  private int start; // the ring slot of the oldest remembered command
  private int size;

  IdempotentCommands(int memory) {
    this.memory = Math.min(memory, MAX_RING);
  }

  /** Runs {@code command} through {@code next} unless its id was seen; see the class comment. */
  ImmutableList<CaseEvent> execute(
      Command command, Function<Command, ImmutableList<CaseEvent>> next) {
    if (memory == 0) {
      return next.apply(command);
    }
    int h = hash(command.commandId());
    int slot = find(command.commandId(), h);
    if (slot >= 0) {
      Command seen = command(slot);
      if (!seen.equals(command)) {
        throw new CommandIdReusedException(command, seen);
      }
      return eventsAt(slot);
    }
    ImmutableList<CaseEvent> out = next.apply(command);
    remember(command, h, out);
    return out;
  }

  /** The number of remembered commands. */
  int size() {
    return size;
  }

  private Command command(int slot) {
    Command c = commands[slot];
    if (c == null) {
      throw new AssertionError("empty command slot " + slot);
    }
    return c;
  }

  @SuppressWarnings("unchecked") // only lists of events are stored
  private ImmutableList<CaseEvent> eventsAt(int slot) {
    return (ImmutableList<CaseEvent>) java.util.Objects.requireNonNull(events[slot]);
  }

  private static int hash(CommandId id) {
    int h = id.value().hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The ring slot of a remembered id, or -1; stale cells (their slot holds another id) skipped. */
  private int find(CommandId id, int h) {
    if (size == 0) {
      return -1;
    }
    int mask = table.length - 1;
    int tag = h & ~slotMask;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int e = table[i];
      if (e == 0) {
        return -1;
      }
      if ((e & ~slotMask) == tag) {
        Command c = commands[(e & slotMask) - 1];
        if (c != null && c.commandId().equals(id)) {
          return (e & slotMask) - 1;
        }
      }
    }
  }

  private void remember(Command command, int h, ImmutableList<CaseEvent> out) {
    int slot;
    if (size < commands.length) {
      slot = (start + size) % commands.length;
      size++;
    } else if (commands.length < memory) {
      grow();
      slot = size++;
    } else {
      slot = start; // full: the oldest makes room; its table cell goes stale
      start = (start + 1) % commands.length;
    }
    commands[slot] = command;
    events[slot] = out;
    hashes[slot] = h;
    if (cells >= table.length / 2) {
      rebuild();
    } else {
      index(slot, h);
    }
  }

  /** Doubles the ring (up to the memory), oldest first from slot 0, and re-indexes it. */
  private void grow() {
    int cap = (int) Math.min(memory, Math.max(INITIAL, 2L * commands.length));
    @Nullable Command[] c = new Command[cap];
    @Nullable ImmutableList<?>[] ev = new ImmutableList<?>[cap];
    int[] hs = new int[cap];
    for (int i = 0; i < size; i++) {
      int from = (start + i) % commands.length;
      c[i] = commands[from];
      ev[i] = events[from];
      hs[i] = hashes[from];
    }
    commands = c;
    events = ev;
    hashes = hs;
    start = 0;
    // the smallest power of two at least 4 x cap (cap <= 2^28), so live cells stay under 1/4
    table = new int[Integer.highestOneBit(cap * 4 - 1) << 1];
    slotMask = (Integer.highestOneBit(cap) << 1) - 1; // holds slot + 1 <= cap
    rebuild();
  }

  /** Empties the table and indexes every remembered command (drops the stale cells). */
  private void rebuild() {
    Arrays.fill(table, 0);
    cells = 0;
    int cap = commands.length;
    for (int i = 0; i < size; i++) {
      int slot = start + i < cap ? start + i : start + i - cap;
      index(slot, hashes[slot]);
    }
  }

  private void index(int slot, int h) {
    int mask = table.length - 1;
    int i = h & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = (h & ~slotMask) | (slot + 1);
    cells++;
  }
}
