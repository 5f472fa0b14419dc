package org.gridgov.routing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;

/**
 * A vertex of the {@link RoutingGraph}: someone who can lead or assist a case.
 *
 * <p>Handler ids are plain strings (case events carry them as strings) and follow one convention:
 *
 * <ul>
 *   <li>{@code office:<region code>} for a region's office, e.g. {@code office:350302001} (a street
 *       centre); units have no office of their own, their grid's office serves them;
 *   <li>{@code office:city} for the city centre above every district of a tree;
 *   <li>{@code dept:<slug>} for a department, e.g. {@code dept:urban-management};
 *   <li>{@code party:<slug>} for an outside party (property management, a utility), e.g. {@code
 *       party:water-co}.
 * </ul>
 *
 * <p>A slug is lower-case ASCII letters, digits and {@code -}, starting with a letter or digit.
 *
 * @param id the handler id, following the convention above
 * @param kind what kind of handler this is
 * @param level the level it works at
 * @param name a human-readable name
 * @param jurisdiction the region codes of the subtrees it serves (an office: its own region; the
 *     city office: empty, meaning every region); in the order given, without repeats
 * @param owns category code prefixes it leads (empty for offices: they take what rules give them)
 * @param assistsWith category code prefixes it assists with
 */
public record Handler(
    String id,
    Kind kind,
    HandlerLevel level,
    String name,
    ImmutableLongArray jurisdiction,
    ImmutableList<String> owns,
    ImmutableList<String> assistsWith) {

  /** The id of the city office. */
  public static final String CITY_OFFICE_ID = "office:city";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern PREFIX = Pattern.compile("[0-9]*");
  private static final Pattern OFFICE_ID = Pattern.compile("office:[1-9][0-9]*");

  /** The kinds of handler. */
  public enum Kind {
    /** A region's office, or the city office. */
    OFFICE,
    /** A functional department (职能部门), e.g. the urban-management bureau. */
    DEPARTMENT,
    /** An outside party: property management, a utility company. */
    OUTSIDE_PARTY
  }

  /**
   * Validates.
   *
   * @param assistsWith category code prefixes it assists with
   * @param id the handler id, following the convention above
   * @param jurisdiction the region codes of the subtrees it serves (an office: its own region; the
   *     city office: empty, meaning every region); in the order given, without repeats
   * @param kind what kind of handler this is
   * @param level the level it works at
   * @param name a human-readable name
   * @param owns category code prefixes it leads (empty for offices: they take what rules give them)
   * @throws IllegalArgumentException if the id does not follow the convention for its kind, the
   *     name is blank, a category prefix is not digits, or the jurisdiction repeats a code
   */
  public Handler {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    checkArgument(!name.isBlank(), "handler %s: name must not be blank", id);
    switch (kind) {
      case OFFICE ->
          checkArgument(
              id.equals(CITY_OFFICE_ID) || OFFICE_ID.matcher(id).matches(),
              "office id %s must be office:<region code> or %s",
              id,
              CITY_OFFICE_ID);
      case DEPARTMENT ->
          checkArgument(
              id.startsWith("dept:") && SLUG.matcher(id.substring(5)).matches(),
              "department id %s must be dept:<slug> (lower-case letters, digits, -)",
              id);
      case OUTSIDE_PARTY ->
          checkArgument(
              id.startsWith("party:") && SLUG.matcher(id.substring(6)).matches(),
              "outside party id %s must be party:<slug> (lower-case letters, digits, -)",
              id);
    }
    checkArgument(
        jurisdiction.stream().distinct().count() == jurisdiction.length(),
        "handler %s: jurisdiction repeats a code: %s",
        id,
        jurisdiction);
    for (String p : owns) {
      checkArgument(
          PREFIX.matcher(p).matches(), "handler %s: owned category prefix %s is not digits", id, p);
    }
    for (String p : assistsWith) {
      checkArgument(
          PREFIX.matcher(p).matches(),
          "handler %s: assisted category prefix %s is not digits",
          id,
          p);
    }
  }

  /**
   * Returns the id of a region's office.
   *
   * @param regionCode the region's code (a unit's code gives an id no office has; use its grid)
   * @return {@code office:<code>}
   */
  public static String officeId(long regionCode) {
    return "office:" + regionCode;
  }

  /**
   * Returns the office of a region.
   *
   * @param region a district, street, community or grid
   * @return the office handler
   * @throws IllegalArgumentException for a unit (units have no office)
   */
  public static Handler office(Region region) {
    checkArgument(
        region.level() != RegionLevel.UNIT,
        "unit %s has no office; its grid's office serves it",
        region.code());
    return new Handler(
        officeId(region.code()),
        Kind.OFFICE,
        HandlerLevel.ofRegionLevel(region.level()),
        region.name(),
        ImmutableLongArray.of(region.code()),
        ImmutableList.of(),
        ImmutableList.of());
  }

  /**
   * Returns the city office, above every district.
   *
   * @param name its name, e.g. {@code 莆田市指挥中心}
   * @return the handler {@value #CITY_OFFICE_ID}
   */
  public static Handler cityOffice(String name) {
    return new Handler(
        CITY_OFFICE_ID,
        Kind.OFFICE,
        HandlerLevel.CITY,
        name,
        ImmutableLongArray.of(),
        ImmutableList.of(),
        ImmutableList.of());
  }

  /**
   * Returns a department.
   *
   * @param slug the id's slug: the id is {@code dept:<slug>}
   * @param name its name
   * @param level its level
   * @param jurisdiction the region codes of the subtrees it serves, not empty
   * @param owns category code prefixes it leads ({@code ""} = every category)
   * @param assistsWith category code prefixes it assists with
   * @return the handler
   */
  public static Handler department(
      String slug,
      String name,
      HandlerLevel level,
      List<Long> jurisdiction,
      List<String> owns,
      List<String> assistsWith) {
    checkArgument(!jurisdiction.isEmpty(), "department %s needs a jurisdiction", slug);
    return new Handler(
        "dept:" + slug,
        Kind.DEPARTMENT,
        level,
        name,
        ImmutableLongArray.copyOf(jurisdiction),
        ImmutableList.copyOf(owns),
        ImmutableList.copyOf(assistsWith));
  }

  /**
   * Returns an outside party (property management, a utility).
   *
   * @param slug the id's slug: the id is {@code party:<slug>}
   * @param name its name
   * @param jurisdiction the region codes it serves, not empty (e.g. the grids of a housing estate)
   * @param owns category code prefixes it handles
   * @return the handler, at {@link HandlerLevel#GRID}
   */
  public static Handler outsideParty(
      String slug, String name, List<Long> jurisdiction, List<String> owns) {
    checkArgument(!jurisdiction.isEmpty(), "outside party %s needs a jurisdiction", slug);
    return new Handler(
        "party:" + slug,
        Kind.OUTSIDE_PARTY,
        HandlerLevel.GRID,
        name,
        ImmutableLongArray.copyOf(jurisdiction),
        ImmutableList.copyOf(owns),
        ImmutableList.of());
  }

  /**
   * Returns the code of the region this office serves.
   *
   * @return the region code for a region's office, empty otherwise
   */
  public OptionalLong officeRegion() {
    return kind == Kind.OFFICE && !id.equals(CITY_OFFICE_ID)
        ? OptionalLong.of(jurisdiction.get(0))
        : OptionalLong.empty();
  }

  /**
   * Tells whether this handler leads a category: one of its owned prefixes starts the code.
   *
   * @param categoryCode a category code
   * @return whether it owns it
   */
  public boolean owns(String categoryCode) {
    return anyPrefix(owns, categoryCode);
  }

  /**
   * Tells whether this handler assists with a category.
   *
   * @param categoryCode a category code
   * @return whether it assists with it
   */
  public boolean assistsWith(String categoryCode) {
    return anyPrefix(assistsWith, categoryCode);
  }

  private static boolean anyPrefix(List<String> prefixes, String code) {
    for (int i = 0; i < prefixes.size(); i++) {
      if (code.startsWith(prefixes.get(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s %s, %s)", id, level, kind, name);
  }
}
