package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;

/**
 * The compact command-id memory against an independent oracle: a {@link LinkedHashMap} in insertion
 * order that drops its eldest entry beyond the memory (the rule the class comment states). Small id
 * pools and memories make ids collide, evict and come back, which exercises the ring, its growth
 * and the table's backward-shift deletion.
 */
class IdempotentCommandsPropertyTest {
  private static final Instant T = Instant.parse("2025-03-03T01:00:00Z");
  private static final Principal P = Principal.resident("r");

  @Property(tries = 300, seed = "20261204")
  void remembersExactlyTheMostRecentExecutedCommands(
      @ForAll @IntRange(min = 1, max = 40) int memory,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 2_999) Integer> ops) {
    checkAgainstOracle(memory, ops);
  }

  /**
   * Memories past the ring's first size (1,024) make it grow by doubling while commands leave it,
   * and long runs make stale table cells pile up until the table is rebuilt several times.
   */
  @Property(tries = 8, seed = "20261204")
  void growsAndRebuildsWithoutForgettingOrInventing(
      @ForAll @IntRange(min = 1_025, max = 2_600) int memory, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<Integer> ops = new java.util.ArrayList<>();
    for (int i = 0; i < 12 * memory; i++) {
      ops.add(random.nextInt(2 * (memory * 3 + 1)));
    }
    checkAgainstOracle(memory, ops);
  }

  private static void checkAgainstOracle(int memory, List<Integer> ops) {
    IdempotentCommands memo = new IdempotentCommands(memory);
    Map<CommandId, Command> oracle =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<CommandId, Command> eldest) {
            return size() > memory;
          }
        };
    Map<CommandId, ImmutableList<CaseEvent>> firstEvents = new LinkedHashMap<>();
    int[] runs = new int[1];
    for (int op : ops) {
      // op / 2 names one of up to 1,500 ids; the low bit varies the case, so a reuse may differ
      Command c = command("c-" + (op / 2 % (memory * 3 + 1)), op % 2 == 0 ? "A" : "B");
      Command remembered = oracle.get(c.commandId());
      if (remembered != null && !remembered.equals(c)) {
        assertThatThrownBy(() -> memo.execute(c, x -> fail()))
            .isInstanceOf(CommandIdReusedException.class);
        continue;
      }
      int before = runs[0];
      ImmutableList<CaseEvent> out =
          memo.execute(
              c,
              x -> {
                runs[0]++;
                return ImmutableList.of(
                    CaseEvent.of(x.caseId(), runs[0], T, P.actor(), new EventPayload.Closed()));
              });
      if (remembered != null) {
        assertThat(runs[0]).as("a retry of %s is not run again", c.commandId()).isEqualTo(before);
        assertThat(out).isEqualTo(firstEvents.get(c.commandId()));
      } else {
        assertThat(runs[0])
            .as("a new or forgotten id %s runs", c.commandId())
            .isEqualTo(before + 1);
        oracle.put(c.commandId(), c);
        firstEvents.put(c.commandId(), out);
      }
      assertThat(memo.size()).isEqualTo(oracle.size());
    }
  }

  @Property(tries = 20, seed = "20261204")
  void aRefusedCommandIsNotRemembered(@ForAll @IntRange(min = 1, max = 5) int memory) {
    IdempotentCommands memo = new IdempotentCommands(memory);
    Command c = command("c-1", "A");
    assertThatThrownBy(
            () ->
                memo.execute(
                    c,
                    x -> {
                      throw new IllegalStateException("refused");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(memo.size()).isZero();
    ImmutableList<CaseEvent> out = memo.execute(c, x -> ImmutableList.of());
    assertThat(out).isEmpty();
    assertThat(memo.size()).isEqualTo(1);
  }

  private static Command command(String id, String caseId) {
    return Command.of(id, P, CaseId.of(caseId), T, new Command.Close());
  }

  private static ImmutableList<CaseEvent> fail() {
    throw new AssertionError("a reused id must not run");
  }
}
