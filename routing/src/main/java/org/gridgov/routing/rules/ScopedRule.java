package org.gridgov.routing.rules;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.RoutingRule;
import org.gridgov.routing.internal.Locations;

/**
 * Overrides by category or by region: applies another rule only to cases whose category starts with
 * a prefix and/or whose location lies within a region's subtree. Put a scoped rule before the
 * general ones to override them.
 */
public final class ScopedRule implements RoutingRule {
  private final RoutingRule rule;
  private final String categoryPrefix;
  private final OptionalLong regionCode;
  private final int regionIndex;
  private final RegionTree tree;

  private ScopedRule(
      RoutingRule rule, RegionTree tree, String categoryPrefix, OptionalLong regionCode) {
    checkArgument(
        categoryPrefix.chars().allMatch(c -> c >= '0' && c <= '9'),
        "category prefix %s is not digits",
        categoryPrefix);
    this.rule = rule;
    this.tree = tree;
    this.categoryPrefix = categoryPrefix;
    this.regionCode = regionCode;
    this.regionIndex = regionCode.isPresent() ? tree.indexOf(regionCode.getAsLong()) : -1;
    checkArgument(
        regionCode.isEmpty() || regionIndex >= 0, "region %s is not in the tree", regionCode);
  }

  /**
   * Applies a rule only to categories starting with a prefix.
   *
   * @param categoryPrefix the category code prefix
   * @param tree the tree locations are resolved in
   * @param rule the rule
   * @return the scoped rule
   */
  public static ScopedRule forCategory(String categoryPrefix, RegionTree tree, RoutingRule rule) {
    return new ScopedRule(rule, tree, categoryPrefix, OptionalLong.empty());
  }

  /**
   * Applies a rule only to cases located within a region's subtree.
   *
   * @param regionCode the region's code
   * @param tree the tree
   * @param rule the rule
   * @return the scoped rule
   * @throws IllegalArgumentException if the region is not in the tree
   */
  public static ScopedRule forRegion(long regionCode, RegionTree tree, RoutingRule rule) {
    return new ScopedRule(rule, tree, "", OptionalLong.of(regionCode));
  }

  /**
   * Narrows this scope to a region too.
   *
   * @param code the region's code
   * @return a rule scoped by both category and region
   */
  public ScopedRule withinRegion(long code) {
    return new ScopedRule(rule, tree, categoryPrefix, OptionalLong.of(code));
  }

  @Override
  public String name() {
    return rule.name()
        + "["
        + (categoryPrefix.isEmpty() ? "*" : categoryPrefix)
        + " @ "
        + (regionCode.isPresent() ? Long.toString(regionCode.getAsLong()) : "*")
        + "]";
  }

  private boolean inScope(RoutingRequest request) {
    int loc = Locations.regionIndex(tree, request);
    if (!request.facts().categoryCode().startsWith(categoryPrefix)) {
      return false;
    }
    return regionIndex < 0
        || (loc != Locations.NO_COMMON_REGION && tree.contains(regionIndex, loc));
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    if (!inScope(request)) {
      return Optional.empty();
    }
    Optional<RoutingDecision> d = rule.tryDecide(request);
    if (d.isEmpty()) {
      return d;
    }
    RoutingDecision.Explanation e =
        new RoutingDecision.Explanation(name(), d.get().explanation().notes());
    return Optional.of(
        switch (d.get().kind()) {
          case ASSIGN -> {
            RoutingDecision.Assign a = (RoutingDecision.Assign) d.get();
            yield new RoutingDecision.Assign(a.lead(), a.assists(), e);
          }
          case ESCALATE ->
              new RoutingDecision.Escalate(((RoutingDecision.Escalate) d.get()).to(), e);
          case SUMMON -> {
            RoutingDecision.Summon s = (RoutingDecision.Summon) d.get();
            yield new RoutingDecision.Summon(s.summoner(), s.departments(), s.within(), e);
          }
          case REJECT -> new RoutingDecision.Reject(((RoutingDecision.Reject) d.get()).reason(), e);
        });
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return inScope(request) ? rule.whyNot(request) : "case is outside the scope";
  }
}
