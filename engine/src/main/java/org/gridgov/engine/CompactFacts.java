package org.gridgov.engine;

import com.google.common.primitives.ImmutableLongArray;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;

/**
 * A compact case's facts and region class packed into one int: the region class always; the
 * category code (as its index in {@link CompactTables}), priority, kind and source when the facts
 * hold nothing else, i.e. no reporter, no reported point and one location code, the region at the
 * case's tree index. Facts that carry personal data or several locations are not packed: the {@link
 * CompactCase} keeps the caller's instance (so the personal text is held once, never copied).
 * {@link #facts} gives back facts equal to the ones packed.
 */
@SuppressWarnings("EnumOrdinal") // in-memory columns of one JVM, never written out
final class CompactFacts {
  private static final UrbanRuralClass[] URBAN = UrbanRuralClass.values();
  private static final Priority[] PRIORITIES = Priority.values();
  private static final CaseKind[] KINDS = CaseKind.values();
  private static final CaseSource[] SOURCES = CaseSource.values();
  // bits: urban class (0-2), priority (3-4), kind (5-6), source (7-9), packed (10),
  // category index (11-30)
  private static final int PACKED = 1 << 10;
  private static final int CATEGORY_SHIFT = 11;
  private static final int CATEGORY_MAX = (1 << 20) - 1;

  static {
    if (URBAN.length > 8 || PRIORITIES.length > 4 || KINDS.length > 4 || SOURCES.length > 8) {
      throw new AssertionError("an enum outgrew its bits in CompactFacts");
    }
  }

  private CompactFacts() {}

  /**
   * The packed bits of a case whose first location has tree index {@code location}; the facts are
   * packed only when the bits can give them back exactly ({@link #isPacked}).
   */
  static int pack(CaseFacts f, int location, UrbanRuralClass urban, CompactTables tables) {
    int bits = urban.ordinal();
    if (f.reporter().isPresent()
        || f.point().isPresent()
        || f.locationCodes().length() != 1
        || location < 0
        || tables.regionCode(location) != f.locationCodes().get(0)) {
      return bits;
    }
    int category = tables.name(f.categoryCode());
    if (category > CATEGORY_MAX) {
      return bits;
    }
    return bits
        | (f.priority().ordinal() << 3)
        | (f.kind().ordinal() << 5)
        | (f.source().ordinal() << 7)
        | PACKED
        | (category << CATEGORY_SHIFT);
  }

  /** Whether the bits hold the facts themselves. */
  static boolean isPacked(int bits) {
    return (bits & PACKED) != 0;
  }

  /** The region class in the bits. */
  static UrbanRuralClass urban(int bits) {
    return URBAN[bits & 7];
  }

  /** The facts again, equal to the ones packed; only for {@link #isPacked} bits. */
  static CaseFacts facts(CaseId id, int bits, int location, CompactTables tables) {
    return CaseFacts.builder()
        .id(id)
        .categoryCode(tables.name(bits >>> CATEGORY_SHIFT))
        .priority(PRIORITIES[(bits >>> 3) & 3])
        .kind(KINDS[(bits >>> 5) & 3])
        .locationCodes(ImmutableLongArray.of(tables.regionCode(location)))
        .source(SOURCES[(bits >>> 7) & 7])
        .build();
  }
}
