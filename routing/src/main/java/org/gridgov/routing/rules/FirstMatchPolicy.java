package org.gridgov.routing.rules;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.RoutingRule;

/**
 * Composes rules: the first rule that decides wins. With {@link #collectingAssists}, when the
 * winner assigns, the leads and assists of every later rule that would also assign join as
 * assisting handlers (all matches for assists); a {@link TerritorialFallbackRule} never adds
 * assists, as it only speaks when no other rule does. The explanation names the winner and, for
 * every other rule, why it did not decide (or that it was outranked). If no rule decides the policy
 * rejects; end with a {@link TerritorialFallbackRule} to be total.
 */
public final class FirstMatchPolicy implements RoutingPolicy {
  private final ImmutableList<RoutingRule> rules;
  private final boolean collectAssists;

  private FirstMatchPolicy(List<RoutingRule> rules, boolean collectAssists) {
    checkArgument(!rules.isEmpty(), "a policy needs at least one rule");
    this.rules = ImmutableList.copyOf(rules);
    this.collectAssists = collectAssists;
  }

  /**
   * Returns a first-match policy.
   *
   * @param rules the rules, in priority order
   * @return the policy
   */
  public static FirstMatchPolicy of(List<? extends RoutingRule> rules) {
    return new FirstMatchPolicy(ImmutableList.copyOf(rules), false);
  }

  /**
   * Returns a first-match policy whose assignments collect the assists of every matching rule.
   *
   * @param rules the rules, in priority order
   * @return the policy
   */
  public static FirstMatchPolicy collectingAssists(List<? extends RoutingRule> rules) {
    return new FirstMatchPolicy(ImmutableList.copyOf(rules), true);
  }

  /**
   * Returns the rules in priority order.
   *
   * @return the rules
   */
  public ImmutableList<RoutingRule> rules() {
    return rules;
  }

  @Override
  public RoutingDecision decide(RoutingRequest request) {
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      RoutingRule rule = rules.get(i);
      Optional<RoutingDecision> d = rule.tryDecide(request);
      if (d.isEmpty()) {
        notes.add(rule.name() + ": " + rule.whyNot(request));
        continue;
      }
      RoutingDecision won = d.get();
      notes.addAll(won.explanation().notes());
      List<String> extraAssists = new ArrayList<>();
      for (int j = i + 1; j < rules.size(); j++) {
        RoutingRule later = rules.get(j);
        Optional<RoutingDecision> other = later.tryDecide(request);
        if (other.isEmpty()) {
          notes.add(later.name() + ": " + later.whyNot(request));
        } else if (collectAssists
            && !(later instanceof TerritorialFallbackRule)
            && won instanceof RoutingDecision.Assign
            && other.get() instanceof RoutingDecision.Assign a) {
          extraAssists.add(a.lead());
          extraAssists.addAll(a.assists());
          notes.add(later.name() + ": also matched; its handlers assist");
        } else {
          notes.add(later.name() + ": also matched but " + rule.name() + " comes first");
        }
      }
      RoutingDecision.Explanation ex =
          new RoutingDecision.Explanation(rule.name(), ImmutableList.copyOf(notes));
      return switch (won.kind()) {
        case ASSIGN -> {
          RoutingDecision.Assign a = (RoutingDecision.Assign) won;
          List<String> assists = new ArrayList<>(a.assists());
          for (String h : extraAssists) {
            if (!h.equals(a.lead()) && !assists.contains(h)) {
              assists.add(h);
            }
          }
          yield RoutingDecision.Assign.of(a.lead(), assists, ex);
        }
        case ESCALATE -> new RoutingDecision.Escalate(((RoutingDecision.Escalate) won).to(), ex);
        case SUMMON -> {
          RoutingDecision.Summon s = (RoutingDecision.Summon) won;
          yield new RoutingDecision.Summon(s.summoner(), s.departments(), s.within(), ex);
        }
        case REJECT -> new RoutingDecision.Reject(((RoutingDecision.Reject) won).reason(), ex);
      };
    }
    return new RoutingDecision.Reject(
        "no rule places case " + request.facts().id().value(),
        new RoutingDecision.Explanation("(none)", ImmutableList.copyOf(notes)));
  }

  @Override
  public String toString() {
    return "FirstMatchPolicy" + rules;
  }
}
