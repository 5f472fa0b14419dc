package org.gridgov.metrics;

import com.google.common.collect.ImmutableSortedMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.SourceChannel;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;

/**
 * Indicators split by where cases came from (群众上报 / 主动发现 / 接访 / 交办), from the case files alone, and
 * proactive discoveries attributed to the staff role of the person who reported them.
 */
public final class SourceIndicators {
  private SourceIndicators() {}

  /**
   * Computes one {@link IndicatorReport} per {@link SourceChannel}, each over the files whose
   * facts' source belongs to that channel, with the same definitions as {@link CaseIndicators}.
   * Every channel is present (a channel without cases has an empty report), so the counts of the
   * channels add up to those of {@link CaseIndicators#compute(Iterable, IndicatorQuery)} over all
   * files.
   *
   * @param files the case files
   * @param query the period, filters and options
   * @return channel → report, in channel order
   */
  public static ImmutableSortedMap<SourceChannel, IndicatorReport> bySourceChannel(
      Iterable<CaseFile> files, IndicatorQuery query) {
    Objects.requireNonNull(query, "query");
    EnumMap<SourceChannel, CaseIndicators.Accumulator> acc = new EnumMap<>(SourceChannel.class);
    for (SourceChannel c : SourceChannel.values()) {
      acc.put(c, CaseIndicators.accumulator(query));
    }
    for (CaseFile f : files) {
      Objects.requireNonNull(acc.get(f.facts().source().channel())).add(f);
    }
    TreeMap<SourceChannel, IndicatorReport> out = new TreeMap<>();
    acc.forEach((c, a) -> out.put(c, a.report()));
    return ImmutableSortedMap.copyOf(out);
  }

  /**
   * Counts the proactive discoveries (channel {@link SourceChannel#PROACTIVE_DISCOVERY}) reported
   * in the query's period by staff role: the reporter is the {@code Reported} event's actor, read
   * as a {@link PersonId}, and each staff role the person held at that instant, over a region
   * containing a location of the case, counts the case once (a worker who is also a safety
   * inspector counts for both). A case whose reporter held no such role counts under {@code ""}.
   *
   * @param files the case files
   * @param registry the staff registry (an edition holding the reporters' assignments)
   * @param query the period (its region and handler filters are not applied here)
   * @return role code → cases, sorted by role code
   */
  public static ImmutableSortedMap<String, Long> proactiveByRole(
      Iterable<CaseFile> files, StaffRegistry registry, IndicatorQuery query) {
    Map<String, Long> out = new TreeMap<>();
    for (CaseFile f : files) {
      if (f.facts().source().channel() != SourceChannel.PROACTIVE_DISCOVERY) {
        continue;
      }
      Optional<CaseEvent> reported =
          f.events().stream().filter(e -> e.type() == EventType.REPORTED).findFirst();
      if (reported.isEmpty()
          || reported.get().at().isBefore(query.fromInclusive())
          || !reported.get().at().isBefore(query.toExclusive())) {
        continue;
      }
      CaseEvent r = reported.get();
      java.util.Set<String> roles = new java.util.TreeSet<>();
      if (PersonId.isValid(r.actor().id())) {
        for (Assignment a : registry.activeAssignments(PersonId.of(r.actor().id()), r.at())) {
          if (covers(registry, a, f)) {
            roles.add(a.roleCode());
          }
        }
      }
      if (roles.isEmpty()) {
        roles.add("");
      }
      roles.forEach(role -> out.merge(role, 1L, Long::sum));
    }
    return ImmutableSortedMap.copyOf(out);
  }

  private static boolean covers(StaffRegistry registry, Assignment a, CaseFile f) {
    for (int i = 0; i < f.facts().locationCodes().length(); i++) {
      long code = f.facts().locationCodes().get(i);
      if (registry.coveringAssignments(code, a.validFrom()).contains(a)) {
        return true;
      }
    }
    return false;
  }
}
