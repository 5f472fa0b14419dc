package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lease rules of {@code Leases.acquire} in one JVM, so that mutation testing sees them (the
 * two-process tests run their writers in child JVMs): a lease row left by a dead holder, or
 * released, is taken by raising its token; a live holder's is refused naming its token; a take-over
 * of a partition without a row starts at token 1. The dead holder is a row written by hand, naming
 * a database session that does not exist.
 */
class LeaseHolderTest {

  static List<String> databases() {
    return StoreFixture.databases();
  }

  /** A fresh store with its schema, and a lease row for {@code key} written outside the store. */
  private static String storeWithLeaseRow(
      String db, Path dir, String key, long token, @Nullable String who) {
    String url = freshUrl(db, dir);
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.lease()).isEmpty(); // opening migrates; no partition is taken yet
    }
    String holder = who == null ? "NULL" : "'" + who + "'";
    sql(
        url,
        "INSERT INTO gridgov_partitions (partition_key, lease_token, holder) VALUES ('"
            + key
            + "', "
            + token
            + ", "
            + holder
            + ")");
    return url;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDeadHoldersLeaseIsTakenWithTheNextToken(String db, @TempDir Path dir) {
    String url = storeWithLeaseRow(db, dir, "north", 7, "424242@no-such-session");
    try (EventStore s = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(s, Partition.of("north"), config());
      assertThat(e.lease().token()).isEqualTo(8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReleasedLeaseIsTakenWithTheNextToken(String db, @TempDir Path dir) {
    String url = storeWithLeaseRow(db, dir, "north", 3, null);
    try (EventStore s = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(s, Partition.of("north"), config());
      assertThat(e.lease().token()).isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aLiveHoldersLeaseIsRefusedNamingItsToken(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    Partition p = Partition.of("north");
    try (EventStore a = StoreFixture.open(url);
        EventStore b = StoreFixture.open(url)) {
      DurableCaseEngine ea = DurableCaseEngine.open(a, p, config());
      assertThat(ea.lease().token()).isEqualTo(1);
      assertThatThrownBy(() -> DurableCaseEngine.open(b, p, config()))
          .isInstanceOfSatisfying(
              PartitionLeaseHeldException.class, x -> assertThat(x.holderToken()).isEqualTo(1));
      assertThat(b.lease()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTakeOverOfARowlessPartitionStartsAtTokenOne(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.takeOver(Partition.of("south")).token()).isEqualTo(1);
      assertThat(s.takeOver(Partition.of("south")).token()).isEqualTo(2);
    }
  }
}
