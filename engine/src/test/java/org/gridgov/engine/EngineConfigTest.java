package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * The engine's configuration as an embedder builds it without the engine's own builder: what it
 * holds by default and when set, the bounds of its numbers (both ends in, one past out), the
 * departments a routing graph gives, and the system actor on the events the engine makes itself.
 */
class EngineConfigTest {
  private static final Instant T0 = at("2025-03-03T09:00");

  private static EngineConfig.Builder required() {
    return EngineConfig.builder()
        .regionTree(TREE)
        .routingPolicy(new SimplePolicy(TREE))
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar())
        .departments(DEPARTMENTS);
  }

  @Test
  void aConfig_holdsItsDefaults_andWhatWasSet() {
    EngineConfig d = required().build();
    assertThat(d.regionTree()).isSameAs(TREE);
    assertThat(d.departments()).containsExactlyElementsOf(DEPARTMENTS);
    assertThat(d.commandMemory()).isEqualTo(EngineConfig.DEFAULT_COMMAND_MEMORY).isEqualTo(65_536);
    assertThat(d.hotCases()).isEqualTo(EngineConfig.DEFAULT_HOT_CASES).isEqualTo(1024);
    assertThat(d.initialCapacity()).isEqualTo(1024);
    assertThat(d.systemActor()).isEqualTo(Actor.of("gridgov-engine", Role.DISPATCHER));
    assertThat(d.authorizationPolicy()).isEmpty();
    assertThat(d.locationResolver()).isSameAs(LocationResolver.NONE);

    Actor bot = Actor.of("centre-bot", Role.DISPATCHER);
    AuthorizationPolicy everyone =
        new AuthorizationPolicy() {
          @Override
          public Optional<String> principalRefusal(Principal principal) {
            return Optional.empty();
          }

          @Override
          public boolean sees(Principal principal, CaseFacts facts, CaseState state) {
            return true;
          }

          @Override
          public Optional<String> refusal(Command command, CaseFacts facts, CaseState state) {
            return Optional.empty();
          }
        };
    LocationResolver nowhere = point -> java.util.OptionalLong.empty();
    EngineConfig s =
        required()
            .authorizationPolicy(everyone)
            .locationResolver(nowhere)
            .supervisionPolicy(SupervisionPolicy.none())
            .commandMemory(0)
            .hotCases(EngineConfig.MAX_HOT_CASES)
            .initialCapacity(1)
            .systemActor(bot)
            .build();
    assertThat(s.commandMemory()).isZero();
    assertThat(s.hotCases()).isEqualTo(1 << 24);
    assertThat(s.initialCapacity()).isEqualTo(1);
    assertThat(s.systemActor()).isEqualTo(bot);
    assertThat(s.authorizationPolicy()).containsSame(everyone);
    assertThat(s.locationResolver()).isSameAs(nowhere);
    assertThat(s.calendarEditions().editions()).hasSize(1);
    assertThat(s.supervisionPolicy()).isSameAs(SupervisionPolicy.none());
  }

  @Test
  void numbersOutsideTheirBounds_areRefusedNamingTheSetting() {
    assertThatThrownBy(() -> required().commandMemory(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("commandMemory must be >= 0 but was -1");
    assertThatThrownBy(() -> required().initialCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialCapacity must be >= 1 but was 0");
    assertThat(required().hotCases(1).build().hotCases()).isEqualTo(1);
    for (int bad : new int[] {0, EngineConfig.MAX_HOT_CASES + 1}) {
      assertThatThrownBy(() -> required().hotCases(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("hotCases must be in [1, 16777216] but was " + bad);
    }
    assertThatThrownBy(() -> required().departments(List.of("dept:water", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a department id must not be blank");
  }

  @Test
  void aRoutingGraph_givesEveryHandlerButTheRegionsOffices() {
    RoutingGraph graph = ExamplePolicy.graph(TREE);
    Set<String> expected =
        graph.handlers().stream()
            .filter(h -> h.kind() != Handler.Kind.OFFICE || h.id().equals(Handler.CITY_OFFICE_ID))
            .map(Handler::id)
            .collect(Collectors.toSet());
    assertThat(graph.handlers()).anyMatch(h -> h.kind() == Handler.Kind.OFFICE);
    assertThat(expected).isNotEmpty();
    EngineConfig c = required().routingGraph(graph).build();
    assertThat(c.departments()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void eventsTheEngineMakesItself_carryTheConfiguredActor() {
    Actor bot = Actor.of("centre-bot", Role.DISPATCHER);
    CaseEngine e = CaseEngine.create(required().systemActor(bot).build());
    var unused =
        e.execute(
            Command.of(
                "r",
                Principal.resident("res"),
                CaseId.of("A"),
                T0,
                new Command.Report(facts("A", "0101", Priority.NORMAL, CaseSource.APP, GRID1))));
    for (String step : new String[] {"v", "g", "d"}) {
      Command.Action a =
          switch (step) {
            case "v" -> new Command.Verify(true, "");
            case "g" -> new Command.Register();
            default -> Command.Dispatch.to(WATER);
          };
      var unused2 = e.execute(Command.of(step, districtDispatcher(), CaseId.of("A"), T0, a));
    }
    ImmutableList<CaseEvent> fired = e.advanceTo(at("2025-03-31T09:00"));
    assertThat(fired)
        .extracting(CaseEvent::type)
        .contains(EventType.SLA_WARNING, EventType.SLA_BREACHED);
    assertThat(fired).extracting(CaseEvent::actor).containsOnly(bot);
  }
}
