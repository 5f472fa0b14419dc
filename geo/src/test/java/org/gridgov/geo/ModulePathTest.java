package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs on the module path (the parent POM's surefire execution {@code module-path}, which sets
 * {@code gridgov.modulePath}): patched into {@code org.gridgov.geo}, this test sees the module as
 * its {@code module-info} declares it. Skipped in the class-path run.
 */
class ModulePathTest {

  @Test
  void runsInsideTheModuleThatExportsExactlyTheApi() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    Module geo = ModulePathTest.class.getModule();
    assertThat(geo.isNamed()).as("the test class is in a named module").isTrue();
    assertThat(geo.getName()).isEqualTo("org.gridgov.geo");

    assertThat(geo.getPackages().stream().filter(geo::isExported).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("org.gridgov.geo", "org.gridgov.geo.analysis");
    assertThat(geo.getPackages()).contains("org.gridgov.geo.internal");
    assertThat(geo.isExported("org.gridgov.geo.internal")).isFalse();

    // JTS has no descriptor: it is the automatic module its manifest names, read by geo.
    Module jts = ModuleLayer.boot().findModule("org.locationtech.jts").orElseThrow();
    assertThat(jts.getDescriptor().isAutomatic()).isTrue();
    assertThat(geo.canRead(jts)).isTrue();
    Module core = ModuleLayer.boot().findModule("org.gridgov.core").orElseThrow();
    assertThat(geo.canRead(core)).isTrue();
    assertThat(core.isExported("org.gridgov.internal", geo)).isFalse();
    assertThat(ModuleLayer.boot().findModule("org.gridgov.routing")).isEmpty();
  }

  @Test
  void usesJtsFromInsideTheModule() {
    assumeTrue(Boolean.getBoolean("gridgov.modulePath"), "runs in the module-path execution only");
    assertThat(RegionGeometry.FACTORY.getSRID()).isEqualTo(4326);
    assertThat(RegionGeometry.FACTORY.getClass().getModule().getName())
        .isEqualTo("org.locationtech.jts");
  }
}
