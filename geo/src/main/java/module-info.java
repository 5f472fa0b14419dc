/**
 * gridgov-geo: region geometry on JTS. Polygons attached to the codes of a region tree, read from
 * and written to GeoJSON; a point located in the tree (unit → grid → community → street → district)
 * at millions of lookups per second; GCJ-02 and BD-09 coordinate conversions; the spatial coverage
 * analysis (gaps, overlaps, slivers, children outside their parent); seeded synthetic geometry for
 * tests and benchmarks.
 *
 * <p>Pure domain code, like {@code org.gridgov.core}: no clock, no threads, no files. GeoJSON comes
 * in as a {@link java.io.Reader} or {@link String} the caller opens and goes out to an {@link
 * java.lang.Appendable} the caller owns.
 */
module org.gridgov.geo {
  requires transitive org.gridgov.core;
  // JTS 1.20.0 has no module descriptor; its jar declares Automatic-Module-Name
  // org.locationtech.jts, so the name is
  // stable. Transitive: RegionGeometry hands out JTS Geometry values.
  requires transitive org.locationtech.jts;
  requires com.fasterxml.jackson.core;
  requires static transitive com.google.errorprone.annotations;
  requires static transitive org.jspecify;

  exports org.gridgov.geo;
  exports org.gridgov.geo.analysis;
}
