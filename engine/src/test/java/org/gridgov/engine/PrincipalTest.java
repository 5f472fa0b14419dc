package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.util.OptionalLong;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  @Test
  void factoriesRejectNulls() {
    new NullPointerTester().testAllPublicStaticMethods(Principal.class);
  }

  @Test
  void equalityIsByIdRoleAndJurisdiction() {
    new EqualsTester()
        .addEqualityGroup(Principal.resident("a"), Principal.resident("a"))
        .addEqualityGroup(Principal.resident("b"))
        .addEqualityGroup(Principal.inRegion("a", Role.DISPATCHER, 350302L))
        .addEqualityGroup(Principal.inRegion("a", Role.DISPATCHER, 350302001L))
        .addEqualityGroup(Principal.inRegion("a", Role.LEADER, 350302L))
        .addEqualityGroup(Principal.ofDepartment("a", "dept:water"))
        .testEquals();
  }

  @Test
  void eachRoleNeedsItsKindOfJurisdiction() {
    assertThatThrownBy(() -> new Principal("x", Role.RESIDENT, OptionalLong.of(1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resident x has no jurisdiction");
    assertThatThrownBy(() -> Principal.inRegion("x", Role.DEPARTMENT_STAFF, 350302L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("handler (department) id");
    assertThatThrownBy(
            () -> new Principal("x", Role.GRID_WORKER, OptionalLong.empty(), "dept:water"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GRID_WORKER x needs a region code");
    assertThatThrownBy(() -> Principal.resident(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void actorAndTextCarryIdRoleAndJurisdiction() {
    Principal p = Principal.ofDepartment("w-1", "dept:water");
    assertThat(p.actor()).isEqualTo(Actor.of("w-1", Role.DEPARTMENT_STAFF));
    assertThat(p).hasToString("w-1 (DEPARTMENT_STAFF for dept:water)");
    assertThat(Principal.inRegion("g", Role.GRID_WORKER, 350302001001001L))
        .hasToString("g (GRID_WORKER in 350302001001001)");
  }
}
