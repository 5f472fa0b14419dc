package org.gridgov.simulation.internal;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridgov.engine.Principal;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionCsv;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.simulation.BuiltInCities;
import org.gridgov.simulation.CitySpec;

/**
 * A city prepared for simulation: the region tree, the example routing graph over it, the handlers
 * indexed as stations, the population-weighted locations and the principals that act. Immutable
 * once built and shared by every replication (and thread) that simulates this city.
 */
public final class CityModel {
  /** Putian's households: residents / 2.8 people per household. */
  static final double PUTIAN_HOUSEHOLDS =
      SyntheticCityGenerator.Targets.PUTIAN_RESIDENTS
          / SyntheticCityGenerator.Targets.putian().peoplePerHousehold();

  /** Station levels. */
  static final int GRID = 0;

  static final int COMMUNITY = 1;
  static final int STREET = 2;
  static final int DISTRICT = 3;
  static final int CITY = 4;
  static final int DEPARTMENT = 5;

  final RegionTree tree;
  final RoutingGraph graph;

  /** Handler id of each station. */
  final ImmutableList<String> stationHandler;

  /** Station level (GRID ... DEPARTMENT). */
  final int[] stationLevel;

  /** Grid area (m²) of grid stations, 0 otherwise. */
  final double[] stationArea;

  /** The principal that accepts, returns and resolves for each station. */
  final ImmutableList<Principal> stationPrincipal;

  /** Handler id → station index. */
  private final NameIndex stationByHandler;

  /** Location (a unit, or a grid if the tree has no units) codes, weighted by population. */
  final long[] locationCode;

  /** Picks a location in proportion to its population. */
  final WeightedPick locationByPopulation;

  /** Index into {@link #supervisors} of each location. */
  final int[] locationSupervisor;

  final ImmutableList<Principal> supervisors;
  final int grids;
  final long residents;

  private CityModel(RegionTree tree) {
    this.tree = tree;
    this.graph = ExamplePolicy.graph(tree);
    ImmutableList<Region> roots = tree.roots();
    ImmutableList.Builder<Principal> sup = ImmutableList.builder();
    Map<Long, Integer> supervisorOfDistrict = new HashMap<>();
    for (int i = 0; i < roots.size(); i++) {
      sup.add(
          Principal.inRegion(
              "supervisor-" + roots.get(i).code(),
              org.gridgov.casefile.Role.SUPERVISOR,
              roots.get(i).code()));
      supervisorOfDistrict.put(roots.get(i).code(), i);
    }
    this.supervisors = sup.build();

    ImmutableList<Handler> handlers = graph.handlers();
    int n = handlers.size();
    ImmutableList.Builder<String> ids = ImmutableList.builderWithExpectedSize(n);
    ImmutableList.Builder<Principal> principals = ImmutableList.builderWithExpectedSize(n);
    this.stationLevel = new int[n];
    this.stationArea = new double[n];
    this.grids = fillStations(handlers, supervisorOfDistrict, ids, principals);
    this.stationHandler = ids.build();
    this.stationByHandler = new NameIndex(stationHandler);
    this.stationPrincipal = principals.build();

    ImmutableList<Region> locations =
        tree.count(RegionLevel.UNIT) > 0
            ? tree.regionsAt(RegionLevel.UNIT)
            : tree.regionsAt(RegionLevel.GRID);
    checkArgument(!locations.isEmpty(), "the city has no units or grids to locate cases in");
    this.locationCode = new long[locations.size()];
    long[] cumulativePopulation = new long[locations.size()];
    this.locationSupervisor = new int[locations.size()];
    long sum = fillLocations(locations, supervisorOfDistrict, cumulativePopulation);
    checkArgument(
        sum > 0,
        "the city's %s have no population: cases are drawn in proportion to population",
        tree.count(RegionLevel.UNIT) > 0 ? "units" : "grids");
    this.residents = sum;
    this.locationByPopulation = new WeightedPick(cumulativePopulation);
  }

  /**
   * Fills the station columns (level, area, index by handler) and the ids and principals, one per
   * handler in the graph's order; returns the number of grid stations.
   */
  private int fillStations(
      ImmutableList<Handler> handlers,
      Map<Long, Integer> supervisorOfDistrict,
      ImmutableList.Builder<String> ids,
      ImmutableList.Builder<Principal> principals) {
    int gridCount = 0;
    for (int s = 0; s < handlers.size(); s++) {
      Handler h = handlers.get(s);
      ids.add(h.id());
      if (h.kind() == Handler.Kind.OFFICE && h.officeRegion().isPresent()) {
        Region r = tree.get(h.officeRegion().getAsLong());
        Region district =
            r.level() == RegionLevel.DISTRICT
                ? r
                : r.ancestorAt(RegionLevel.DISTRICT).orElseThrow();
        principals.add(
            supervisors.get(Objects.requireNonNull(supervisorOfDistrict.get(district.code()))));
        stationLevel[s] =
            switch (r.level()) {
              case GRID -> GRID;
              case COMMUNITY -> COMMUNITY;
              case STREET -> STREET;
              case DISTRICT -> DISTRICT;
              case UNIT -> throw new IllegalStateException("a unit has no office: " + h.id());
            };
        if (r.level() == RegionLevel.GRID) {
          gridCount++;
          stationArea[s] = gridArea(r);
        }
      } else {
        // The city office, departments and outside parties act through their own staff.
        principals.add(Principal.ofDepartment("staff-" + h.id(), h.id()));
        stationLevel[s] = h.id().equals(Handler.CITY_OFFICE_ID) ? CITY : DEPARTMENT;
      }
    }
    return gridCount;
  }

  /** A grid's area, or its units' total when the grid has none of its own. */
  private static double gridArea(Region r) {
    double area = r.areaSquareMetres();
    if (area <= 0) {
      for (Region u : r.children()) {
        area += u.areaSquareMetres();
      }
    }
    return area;
  }

  /** Fills the location columns and the running population sums; returns the total population. */
  private long fillLocations(
      ImmutableList<Region> locations,
      Map<Long, Integer> supervisorOfDistrict,
      long[] cumulativePopulation) {
    long sum = 0;
    for (int i = 0; i < locations.size(); i++) {
      Region u = locations.get(i);
      locationCode[i] = u.code();
      sum += Math.max(0, u.population());
      cumulativePopulation[i] = sum;
      Region district = u.ancestorAt(RegionLevel.DISTRICT).orElseThrow();
      locationSupervisor[i] = Objects.requireNonNull(supervisorOfDistrict.get(district.code()));
    }
    return sum;
  }

  /**
   * Prepares a city.
   *
   * @param spec where it comes from
   * @param householdsPerGrid for {@link CitySpec.Putian}: the mean households per grid, or empty
   *     for Putian's own
   * @return the prepared city
   */
  public static CityModel of(CitySpec spec, OptionalDouble householdsPerGrid) {
    return new CityModel(tree(spec, householdsPerGrid));
  }

  /**
   * Builds the region tree of a city.
   *
   * @param spec where it comes from
   * @param householdsPerGrid for {@link CitySpec.Putian}: the mean households per grid, or empty
   * @return the tree
   */
  public static RegionTree tree(CitySpec spec, OptionalDouble householdsPerGrid) {
    if (spec instanceof CitySpec.Putian p) {
      if (householdsPerGrid.isEmpty()) {
        return BuiltInCities.putian(p.generatorSeed());
      }
      SyntheticCityGenerator.Targets t = SyntheticCityGenerator.Targets.putian();
      int grids =
          (int) Math.max(1, Math.round(PUTIAN_HOUSEHOLDS / householdsPerGrid.getAsDouble()));
      checkArgument(
          grids <= t.units(),
          "households-per-grid %s gives %s grids, more than Putian's %s units",
          householdsPerGrid.getAsDouble(),
          grids,
          t.units());
      SyntheticCityGenerator.Targets targets =
          new SyntheticCityGenerator.Targets(
              Math.min(t.communities(), grids),
              grids,
              t.units(),
              t.meanPeoplePerUnit(),
              t.peoplePerHousehold());
      return SyntheticCityGenerator.generate(
          BuiltInCities.putianDivisions(),
          targets,
          p.generatorSeed(),
          BuiltInCities.DIVISIONS_EDITION);
    } else if (spec instanceof CitySpec.SingleGrid g) {
      RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), LocalDate.of(2025, 1, 1));
      b.addDistrict(990101L, "District");
      b.add(RegionLevel.STREET, 990101001L, 990101L, "Street");
      b.add(RegionLevel.COMMUNITY, 990101001001L, 990101001L, "Community");
      b.add(RegionLevel.GRID, 990101001001001L, 990101001001L, "Grid");
      b.add(RegionLevel.UNIT, 990101001001001001L, 990101001001001L, "Unit")
          .population(g.residents())
          .households(Math.max(1, g.residents() * 10 / 28))
          .area(10_000);
      return b.build();
    } else if (spec instanceof CitySpec.CsvFile f) {
      try (Reader in = Files.newBufferedReader(f.path(), StandardCharsets.UTF_8)) {
        return RegionCsv.read(
            in, f.path().toString(), CodeScheme.standard(), LocalDate.of(2025, 1, 1));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the city file " + f.path(), e);
      }
    } else if (spec instanceof CitySpec.OfTree t) {
      return t.tree();
    }
    throw new IllegalArgumentException("unknown city " + spec);
  }

  /**
   * Returns the region tree.
   *
   * @return the tree
   */
  public RegionTree tree() {
    return tree;
  }

  /**
   * Returns the routing graph (the example graph over the tree).
   *
   * @return the graph
   */
  public RoutingGraph graph() {
    return graph;
  }

  /**
   * Returns the number of grids.
   *
   * @return grids
   */
  public int grids() {
    return grids;
  }

  /**
   * Returns the residents (the locations' population).
   *
   * @return residents
   */
  public long residents() {
    return residents;
  }

  /**
   * Returns the station index of a handler, or -1.
   *
   * @param handlerId the handler
   * @return its index or -1
   */
  int station(String handlerId) {
    return stationByHandler.indexOf(handlerId);
  }
}
