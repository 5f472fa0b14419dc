package org.gridgov.store.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.engine.CaseEngine;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A small district with the shipped example routing policy, and the two databases the store tests
 * run on: H2 in a temporary directory (always) and PostgreSQL at {@code GRIDGOV_PG_URL} (skipped if
 * unset, a failure if {@code CI} is {@code true}), each test in a fresh schema of its own.
 */
final class StoreFixture {
  static final String PG_ENV = "GRIDGOV_PG_URL";
  static final long DISTRICT = 350302L;
  static final long STREET = 350302001L;
  static final long GRID1 = 350302001001001L;
  static final long GRID2 = 350302001001002L;
  static final long GRID3 = 350302001002001L;
  static final long VGRID = 350302002001001L;
  static final RegionTree TREE = tree();
  static final RoutingGraph GRAPH = ExamplePolicy.graph(TREE);

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicBoolean SKIP_ANNOUNCED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private StoreFixture() {}

  /** The databases: {@code h2} and {@code pg}. */
  static List<String> databases() {
    return List.of("h2", "pg");
  }

  private static RegionTree tree() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), LocalDate.of(2024, 1, 1));
    b.addDistrict(DISTRICT, "城厢区");
    b.add(RegionLevel.STREET, STREET, DISTRICT, "霞林街道");
    b.add(RegionLevel.COMMUNITY, 350302001001L, STREET, "第1社区");
    b.add(RegionLevel.GRID, GRID1, 350302001001L, "第1网格").urbanRural(UrbanRuralClass.MAIN_URBAN);
    b.add(RegionLevel.GRID, GRID2, 350302001001L, "第2网格").urbanRural(UrbanRuralClass.MAIN_URBAN);
    b.add(RegionLevel.COMMUNITY, 350302001002L, STREET, "第2社区");
    b.add(RegionLevel.GRID, GRID3, 350302001002L, "第1网格");
    b.add(RegionLevel.STREET, 350302002L, DISTRICT, "华亭镇");
    b.add(RegionLevel.COMMUNITY, 350302002001L, 350302002L, "园头村");
    b.add(RegionLevel.GRID, VGRID, 350302002001L, "第1网格").urbanRural(UrbanRuralClass.VILLAGE);
    return b.build();
  }

  static SlaPolicy sla() {
    return SlaPolicy.builder()
        .defaultLevels(List.of(WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red")))
        .transferRule(TransferRule.RESTART)
        .rule(
            SlaPolicy.Rule.of(
                SlaStage.WHOLE_CASE, SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME)))
        .rule(
            SlaPolicy.Rule.of(
                SlaStage.HANDLE, SlaLimit.workingDays(2, WorkingDayRule.SAME_CLOCK_TIME)))
        .rule(
            SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(4)))
                .forPriority(Priority.URGENT))
        .build();
  }

  /**
   * The engine configuration every store test uses: the tree, the example graph and policy, the
   * China calendar.
   */
  static CaseEngine.Builder config() {
    return CaseEngine.builder()
        .regionTree(TREE)
        .routingGraph(GRAPH)
        .routingPolicy(ExamplePolicy.policy(GRAPH))
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar());
  }

  static Instant at(String localShanghai) {
    return OffsetDateTime.parse(localShanghai + "+08:00").toInstant();
  }

  static CaseFacts facts(String id, String category, Priority priority, long grid) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode(category)
        .priority(priority)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(grid))
        .source(CaseSource.APP)
        .build();
  }

  /**
   * Returns the JDBC URL of a fresh, empty store on a database: an H2 file database under {@code
   * dir}, or a new schema in the PostgreSQL database at {@code GRIDGOV_PG_URL}.
   */
  static String freshUrl(String database, Path dir) {
    if (database.equals("h2")) {
      return EventStore.h2Url(dir.resolve("h2-" + SCHEMAS.incrementAndGet()));
    }
    String base = pgUrlOrSkip();
    String schema =
        String.format(
            Locale.ROOT, "t%d_%d", ProcessHandle.current().pid(), SCHEMAS.incrementAndGet());
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      var unused = st.executeUpdate("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create schema " + schema + " at " + EventStore.redact(base), e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The PostgreSQL URL; skips the test if it is unset, fails it if it is unset on CI. */
  static String pgUrlOrSkip() {
    String url = System.getenv(PG_ENV);
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            PG_ENV
                + " is not set but CI=true: the PostgreSQL tests must run on CI"
                + " (.ci/run starts a server and sets it)");
      }
      String reason =
          PG_ENV
              + " is not set: PostgreSQL tests skipped (set it to e.g."
              + " jdbc:postgresql://127.0.0.1:54329/gridgov?user=gridgov, or run .ci/run)";
      if (!SKIP_ANNOUNCED.getAndSet(true)) {
        System.err.println(
            "[gridgov] " + reason); // once on the console; every skipped test carries it too
      }
      Assumptions.abort(reason);
    }
    return url;
  }

  /**
   * A data source for a JDBC URL of either database, as a user would build one (no pool: tests open
   * few).
   */
  static DataSource dataSource(String url) {
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      return h2;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    return pg;
  }

  /** Opens the store at a JDBC URL through {@link #dataSource(String)}. */
  static EventStore open(String url) {
    return EventStore.open(dataSource(url));
  }

  /**
   * Runs one SQL statement with parameters on a store's database, outside the store (to corrupt it
   * on purpose).
   */
  static void sql(String url, String statement, Object... args) {
    try (Connection c = DriverManager.getConnection(url);
        java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      var unused = ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** Runs one SQL statement on a store's database, outside the store (to corrupt it on purpose). */
  static void sql(String url, String statement) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      var unused = st.executeUpdate(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  static final ImmutableList<String> DEPARTMENTS =
      ImmutableList.of(
          "dept:urban-management",
          "dept:housing",
          "dept:natural-resources",
          "dept:water",
          "dept:police",
          "dept:transport");
}
