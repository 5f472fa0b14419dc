package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

/**
 * Each half of each jurisdiction rule on its own: a principal that breaks only one half is refused,
 * and the one that keeps both is accepted (so neither half can be dropped or always hold). The
 * rule, as the Javadoc states it: residents have no jurisdiction, department staff a non-blank
 * handler id and no region, every other role a region code and no handler id.
 */
class PrincipalEdgesTest {

  @Test
  void aResidentWithAHandlerIdIsRefused() {
    assertThatThrownBy(() -> new Principal("r", Role.RESIDENT, OptionalLong.empty(), "dept:water"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resident r has no jurisdiction");
    assertThat(new Principal("r", Role.RESIDENT, OptionalLong.empty(), null))
        .isEqualTo(Principal.resident("r"));
  }

  @Test
  void departmentStaffNeedANonBlankHandlerAndNoRegion() {
    String need = "department staff d needs a handler (department) id as jurisdiction";
    assertThatThrownBy(
            () -> new Principal("d", Role.DEPARTMENT_STAFF, OptionalLong.of(350302L), "dept:water"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(need);
    assertThatThrownBy(() -> new Principal("d", Role.DEPARTMENT_STAFF, OptionalLong.empty(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(need);
    assertThatThrownBy(() -> Principal.ofDepartment("d", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(need);
    assertThatThrownBy(() -> Principal.ofDepartment("d", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(need);
    Principal ok = Principal.ofDepartment("d", "dept:water");
    assertThat(ok.handlerId()).isEqualTo("dept:water");
    assertThat(ok.regionCode()).isEmpty();
  }

  @Test
  void everyRegionRoleNeedsARegionAndNoHandler() {
    for (Role role : Role.values()) {
      if (role == Role.RESIDENT || role == Role.DEPARTMENT_STAFF) {
        continue;
      }
      String need = role + " g needs a region code as jurisdiction";
      assertThatThrownBy(() -> new Principal("g", role, OptionalLong.empty(), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(need);
      assertThatThrownBy(() -> new Principal("g", role, OptionalLong.of(350302L), "dept:water"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(need);
      Principal ok = Principal.inRegion("g", role, 350302L);
      assertThat(ok.regionCode()).hasValue(350302L);
      assertThat(ok.handlerId()).isNull();
      assertThat(ok.actor()).isEqualTo(Actor.of("g", role));
    }
  }

  @Test
  void aResidentsTextNamesNoJurisdiction() {
    assertThat(Principal.resident("r-7")).hasToString("r-7 (RESIDENT)");
    assertThat(Principal.resident("r-7").actor()).isEqualTo(Actor.of("r-7", Role.RESIDENT));
    assertThat(Principal.inRegion("s", Role.SUPERVISOR, 350302L))
        .hasToString("s (SUPERVISOR in 350302)");
  }

  @Test
  void aBlankIdIsRefusedForEveryKind() {
    assertThatThrownBy(() -> Principal.inRegion("", Role.GRID_WORKER, 350302L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an actor id must not be blank");
    assertThatThrownBy(() -> Principal.ofDepartment("\t", "dept:water"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an actor id must not be blank");
  }
}
