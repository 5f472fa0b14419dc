package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseStateFormTest {
  private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

  @Test
  void componentsAreExactlyTheStatesFields() {
    // the state's own fields, with those it shares in CaseState.Rare in place of the reference
    List<String> fields = new ArrayList<>();
    for (Class<?> c : List.of(CaseState.class, CaseState.Rare.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && f.getType() != CaseState.Rare.class) {
          fields.add(f.getName());
        }
      }
    }
    assertThat(fields).hasSize(35);
    List<String> components =
        Arrays.stream(CaseStateForm.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    assertThat(components)
        .as("a field added to CaseState must be added to CaseStateForm (persisted snapshots)")
        .containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  void everyPrefixOfRichLifecyclesRoundTrips() {
    List<CaseScript> scripts =
        List.of(
            CaseScript.of("C-1", T0)
                .reported()
                .verified()
                .registered(T0.plus(Duration.ofDays(3)))
                .dispatched("bureau")
                .assist("water")
                .summoned("police", "fire")
                .arrived("police")
                .accepted("bureau")
                .returned("bureau")
                .dispatched("roads")
                .accepted("roads")
                .suspended()
                .hours(30)
                .resumed(T0.plus(Duration.ofDays(5)))
                .extended(T0.plus(Duration.ofDays(7)))
                .escalated("roads", "city")
                .accepted("city")
                .resolved()
                .checkFailed()
                .resolved()
                .checkPassed()
                .closed()
                .evaluated(Satisfaction.SATISFIED, true)
                .reopened(T0.plus(Duration.ofDays(9))),
            CaseScript.of("C-2", T0).reported());
    int checked = 0;
    for (CaseScript s : scripts) {
      List<CaseEvent> events = s.events();
      for (int n = 1; n <= events.size(); n++) {
        CaseState state = CaseLifecycle.replay(s.id(), events.subList(0, n));
        CaseStateForm form = CaseStateForm.of(state);
        assertThat(form.toState()).as("%s after %s events", s.id(), n).isEqualTo(state);
        assertThat(CaseStateForm.of(form.toState())).isEqualTo(form);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void aChangedComponentGivesAnotherState() {
    CaseState state =
        CaseLifecycle.replay(
            CaseId.of("C-3"), CaseScript.of("C-3", T0).reported().verified().events());
    CaseStateForm form = CaseStateForm.of(state);
    CaseStateForm other =
        new CaseStateForm(
            form.caseId(),
            form.status(),
            form.lastSequence(),
            form.lastEventAt(),
            form.lead(),
            form.assists(),
            form.returnedBy(),
            form.leadHistory(),
            form.returnHistory(),
            form.awaitingArrival(),
            form.dueAt(),
            form.reportedAt(),
            form.verifiedAt(),
            form.registeredAt(),
            form.firstDispatchedAt(),
            form.firstAcceptedAt(),
            form.lastResolvedAt(),
            form.closedAt(),
            form.evaluatedAt(),
            form.suspendedSince(),
            form.suspendedTotal(),
            form.dispatchCount(),
            form.returnCount(),
            form.escalationCount() + 1,
            form.reworkCount(),
            form.suspensionCount(),
            form.extensionCount(),
            form.pendingExtensionDays(),
            form.reopenCount(),
            form.summonCount(),
            form.breached(),
            form.wholeCaseBreached(),
            form.satisfaction(),
            form.solved(),
            form.mergedInto());
    assertThat(other.toState()).isNotEqualTo(state);
    assertThat(other.toState().escalationCount()).isEqualTo(state.escalationCount() + 1);
  }

  @Test
  void refusesANegativeCountOrAMissingLastEventInstant() {
    CaseState state =
        CaseLifecycle.replay(CaseId.of("C-4"), CaseScript.of("C-4", T0).reported().events());
    CaseStateForm f = CaseStateForm.of(state);
    assertThatThrownBy(
            () ->
                new CaseStateForm(
                    f.caseId(),
                    f.status(),
                    f.lastSequence(),
                    Optional.empty(),
                    f.lead(),
                    f.assists(),
                    f.returnedBy(),
                    f.leadHistory(),
                    f.returnHistory(),
                    f.awaitingArrival(),
                    f.dueAt(),
                    f.reportedAt(),
                    f.verifiedAt(),
                    f.registeredAt(),
                    f.firstDispatchedAt(),
                    f.firstAcceptedAt(),
                    f.lastResolvedAt(),
                    f.closedAt(),
                    f.evaluatedAt(),
                    f.suspendedSince(),
                    f.suspendedTotal(),
                    f.dispatchCount(),
                    f.returnCount(),
                    f.escalationCount(),
                    f.reworkCount(),
                    f.suspensionCount(),
                    f.extensionCount(),
                    f.pendingExtensionDays(),
                    f.reopenCount(),
                    f.summonCount(),
                    f.breached(),
                    f.wholeCaseBreached(),
                    f.satisfaction(),
                    f.solved(),
                    f.mergedInto()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-4")
        .hasMessageContaining("lastEventAt");
    assertThatThrownBy(
            () ->
                new CaseStateForm(
                    f.caseId(),
                    f.status(),
                    f.lastSequence(),
                    f.lastEventAt(),
                    f.lead(),
                    f.assists(),
                    f.returnedBy(),
                    f.leadHistory(),
                    f.returnHistory(),
                    f.awaitingArrival(),
                    f.dueAt(),
                    f.reportedAt(),
                    f.verifiedAt(),
                    f.registeredAt(),
                    f.firstDispatchedAt(),
                    f.firstAcceptedAt(),
                    f.lastResolvedAt(),
                    f.closedAt(),
                    f.evaluatedAt(),
                    f.suspendedSince(),
                    f.suspendedTotal(),
                    f.dispatchCount(),
                    -1,
                    f.escalationCount(),
                    f.reworkCount(),
                    f.suspensionCount(),
                    f.extensionCount(),
                    f.pendingExtensionDays(),
                    f.reopenCount(),
                    f.summonCount(),
                    f.breached(),
                    f.wholeCaseBreached(),
                    f.satisfaction(),
                    f.solved(),
                    f.mergedInto()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-4")
        .hasMessageContaining("negative (-1)");
  }

  @Test
  void refusesSolvedWithoutASatisfactionAndKeepsItWithOne() throws ReflectiveOperationException {
    CaseState closed =
        CaseLifecycle.replay(
            CaseId.of("C-5"),
            CaseScript.of("C-5", T0)
                .reported()
                .verified()
                .registered(T0.plus(Duration.ofDays(3)))
                .dispatched("bureau")
                .accepted("bureau")
                .resolved()
                .checkPassed()
                .closed()
                .events());
    CaseStateForm f = CaseStateForm.of(closed);
    assertThat(f.satisfaction()).isEmpty();
    assertThatThrownBy(() -> with(f, "solved", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-5")
        .hasMessageContaining("solved is true without a satisfaction");
    CaseState evaluated =
        with(with(f, "satisfaction", Optional.of(Satisfaction.SATISFIED)), "solved", true)
            .toState();
    assertThat(evaluated.solved()).contains(true);
    assertThat(CaseStateForm.of(evaluated).solved()).isTrue();
  }

  /** The form with one component replaced, through the canonical constructor (its checks run). */
  private static CaseStateForm with(CaseStateForm form, String name, Object value)
      throws ReflectiveOperationException {
    RecordComponent[] components = CaseStateForm.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] =
          components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(form);
    }
    try {
      return CaseStateForm.class.getDeclaredConstructor(types).newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw (RuntimeException) e.getCause();
    }
  }
}
