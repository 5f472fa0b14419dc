package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
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
 * and an open-addressing table of {@code long}s (the id's hash in the high half, the ring slot + 1
 * in the low half; linear probing, backward-shift deletion) finds a slot by id. A look-up and an
 * eviction each touch one table line instead of a linked map's entry objects. At most {@value
 * #MAX_RING} commands are held, whatever the memory asks.
 */
final class IdempotentCommands {
  private static final int INITIAL = 1 << 10;
  private static final int MAX_RING = 1 << 29;

  private final int memory;
  private @Nullable Command[] commands = new Command[0];
  private @Nullable ImmutableList<?>[] events = new ImmutableList<?>[0];
  private int[] hashes = new int[0];
  private long[] table = new long[0];
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

  /** The ring slot of a remembered id, or -1. */
  private int find(CommandId id, int h) {
    if (size == 0) {
      return -1;
    }
    int mask = table.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long e = table[i];
      if (e == 0) {
        return -1;
      }
      int slot = (int) e - 1;
      if ((int) (e >>> 32) == h && command(slot).commandId().equals(id)) {
        return slot;
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
      slot = start; // full: the oldest makes room
      unindex(slot);
      start = (start + 1) % commands.length;
    }
    commands[slot] = command;
    events[slot] = out;
    hashes[slot] = h;
    index(slot, h);
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
    table = new long[Integer.highestOneBit(Math.max(2, cap) * 2 - 1) * 2];
    for (int i = 0; i < size; i++) {
      index(i, hs[i]);
    }
  }

  private void index(int slot, int h) {
    int mask = table.length - 1;
    int i = h & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = ((long) h << 32) | (slot + 1L);
  }

  /** Removes a slot's table entry, shifting later entries of its probe run back. */
  private void unindex(int slot) {
    int mask = table.length - 1;
    int i = hashes[slot] & mask;
    while ((int) table[i] - 1 != slot) {
      i = (i + 1) & mask;
    }
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long e = table[j];
      if (e == 0) {
        break;
      }
      int home = (int) (e >>> 32) & mask;
      // e may move to i if its home is not cyclically in (i, j]
      boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!stays) {
        table[i] = e;
        i = j;
      }
    }
    table[i] = 0;
    commands[slot] = null;
    events[slot] = null;
  }
}
