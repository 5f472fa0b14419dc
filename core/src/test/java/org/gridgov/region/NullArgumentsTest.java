package org.gridgov.region;

import com.google.common.testing.NullPointerTester;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public method of the region package rejects null arguments with a NullPointerException. */
class NullArgumentsTest {
  private final NullPointerTester tester =
      new NullPointerTester()
          .setDefault(CodeScheme.class, CodeScheme.standard())
          .setDefault(LocalDate.class, TestTrees.EDITION)
          .setDefault(RegionLevel.class, RegionLevel.STREET)
          .setDefault(java.io.Reader.class, new StringReader(""))
          .setDefault(RegionTree.class, TestTrees.small())
          .setDefault(org.gridgov.InputLimits.class, org.gridgov.InputLimits.defaults())
          .setDefault(String.class, "x");

  @Test
  void staticMethods() {
    tester.testAllPublicStaticMethods(CodeScheme.class);
    tester.testAllPublicStaticMethods(RegionTree.class);
    tester.testAllPublicStaticMethods(RegionCsv.class);
    tester.testAllPublicStaticMethods(DivisionFiles.class);
    tester.testAllPublicStaticMethods(SizeDistribution.class);
  }

  @Test
  void instanceMethods() {
    RegionTree tree = TestTrees.small();
    tester.testAllPublicInstanceMethods(CodeScheme.standard());
    tester.testAllPublicInstanceMethods(tree);
    tester.testAllPublicInstanceMethods(tree.get(TestTrees.G1));
    tester.testAllPublicInstanceMethods(
        RegionTree.builder(CodeScheme.standard(), TestTrees.EDITION).addDistrict(350302, "x"));
    tester.testAllPublicInstanceMethods(tree.edit(TestTrees.EDITION));
    tester.testAllPublicInstanceMethods(
        tree.edit(TestTrees.EDITION).mergeGrids(List.of(TestTrees.G1, TestTrees.G2)).apply());
  }
}
