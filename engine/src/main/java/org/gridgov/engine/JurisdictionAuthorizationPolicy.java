package org.gridgov.engine;

import com.google.common.collect.ImmutableSet;
import com.google.common.primitives.ImmutableLongArray;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.Role;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link AuthorizationPolicy}: roles and jurisdictions (属地管理).
 *
 * <ul>
 *   <li>A resident (群众) may report and evaluate; it sees every case it names.
 *   <li>A department staff member acts for one configured department: its principal must name a
 *       department the engine knows; it sees only the cases currently dispatched or summoned to
 *       that department (as lead or assist) and may accept, return, resolve, arrive and request an
 *       extension (申请延期) there, for its own department only.
 *   <li>Every other role has a region as jurisdiction (a region of the tree) and sees the cases
 *       with a location in that region's subtree. A grid worker may report, verify, accept, return,
 *       resolve, check and request an extension; a supervisor anything but arrive; a dispatcher or
 *       leader anything but arrive, evaluate and answer an extension request. Approving or refusing
 *       an extension (批准/驳回延期) is the supervisor's alone: it is the role that checks and closes
 *       cases (核查/结案), so it owns the deadlines a case is measured against, while a dispatcher or
 *       leader who sends the work out would be granting time on its own orders. Accepting,
 *       returning and resolving are for offices within the jurisdiction; dispatching and adding an
 *       assist may name a department or an office within the jurisdiction, never another region's
 *       office. A case reported outside the jurisdiction is refused.
 * </ul>
 *
 * <p>Not thread-safe (it memoises handler-id lookups); the engine serialises calls.
 */
public final class JurisdictionAuthorizationPolicy implements AuthorizationPolicy {
  private static final int ROOT_MEMO =
      1 << 12; // principals recur: every station's and supervisor's jurisdiction

  private final HandlerDirectory handlers;
  private final RegionTree tree;
  private final long[] rootMemoCodes = new long[ROOT_MEMO];
  private final int[] rootMemoIndexes = new int[ROOT_MEMO];

  JurisdictionAuthorizationPolicy(HandlerDirectory handlers) {
    this.handlers = handlers;
    this.tree = handlers.tree();
    java.util.Arrays.fill(rootMemoIndexes, -1);
  }

  /**
   * Returns the policy over a region tree and the department handler ids an engine knows.
   *
   * @param tree the region tree of the engine
   * @param departments the department (and other non-office) handler ids of the engine
   * @return the policy
   */
  public static JurisdictionAuthorizationPolicy of(
      RegionTree tree, Collection<String> departments) {
    return new JurisdictionAuthorizationPolicy(
        new HandlerDirectory(
            Objects.requireNonNull(tree, "tree"), ImmutableSet.copyOf(departments)));
  }

  @Override
  public Optional<String> principalRefusal(Principal p) {
    if (p.role() == Role.RESIDENT) {
      return Optional.empty();
    }
    if (p.role() == Role.DEPARTMENT_STAFF) {
      String dept = Objects.requireNonNull(p.handlerId());
      return handlers.isDepartment(dept)
          ? Optional.empty()
          : Optional.of("its handler " + dept + " is not a known department");
    }
    long root = p.regionCode().orElseThrow();
    return rootIndexOf(root) < 0
        ? Optional.of("its jurisdiction " + root + " is not a region of the tree")
        : Optional.empty();
  }

  @Override
  public boolean sees(Principal p, CaseFacts facts, CaseState state) {
    return sees(p, facts, state, -1);
  }

  /**
   * As {@link #sees(Principal, CaseFacts, CaseState)}, told the tree index of the case's first
   * location code, as the engine resolved it over this policy's tree ({@link #indexes}), or -1.
   */
  boolean sees(Principal p, CaseFacts facts, CaseState state, int firstLocation) {
    return switch (p.role()) {
      case RESIDENT -> true;
      case DEPARTMENT_STAFF -> holds(Objects.requireNonNull(p.handlerId()), state);
      default -> isInside(rootIndexOf(p.regionCode().orElseThrow()), facts, firstLocation);
    };
  }

  /** Whether tree indexes of {@code engineTree} are indexes of this policy's tree. */
  @SuppressWarnings("ReferenceEquality") // the same instance, not an equal tree of other numbering
  boolean indexes(RegionTree engineTree) {
    return engineTree == tree;
  }

  @Override
  public Optional<String> refusal(Command c, CaseFacts facts, CaseState state) {
    return refusal(c, facts, state, -1);
  }

  /**
   * As {@link #refusal(Command, CaseFacts, CaseState)}, told the tree index of the case's first
   * location code (see {@link #sees(Principal, CaseFacts, CaseState, int)}), or -1.
   */
  Optional<String> refusal(Command c, CaseFacts facts, CaseState state, int firstLocation) {
    Principal p = c.actor();
    Command.Action a = c.action();
    return switch (p.role()) {
      case RESIDENT ->
          a instanceof Command.Report
                  || a instanceof Command.ReportAt
                  || a instanceof Command.Evaluate
              ? Optional.empty()
              : Optional.of("a resident may only report and evaluate");
      case DEPARTMENT_STAFF -> departmentRefusal(Objects.requireNonNull(p.handlerId()), a);
      default -> regionRefusal(p, a, facts, firstLocation);
    };
  }

  private static Optional<String> departmentRefusal(String dept, Command.Action a) {
    @Nullable String handler = actingHandler(a);
    if (handler == null) {
      return Optional.of(
          "department staff may only accept, return, resolve, arrive and request an extension");
    }
    return dept.equals(handler)
        ? Optional.empty()
        : Optional.of("it acts for " + dept + ", not for " + handler);
  }

  private Optional<String> regionRefusal(
      Principal p, Command.Action a, CaseFacts facts, int firstLocation) {
    Role role = p.role();
    long root = p.regionCode().orElseThrow();
    int rootIndex = rootIndexOf(root);
    if (!mayIssue(role, a)) {
      return Optional.of("a " + role + " may not " + a.name());
    }
    if ((a instanceof Command.Report || a instanceof Command.ReportAt)
        && !isInside(rootIndex, facts, firstLocation)) {
      return Optional.of("the case lies outside its jurisdiction " + root);
    }
    @Nullable String handler = actingHandler(a);
    if (handler != null && !(a instanceof Command.Arrive)) {
      int office = handlers.officeIndexOf(handler);
      if (office < 0 || !tree.contains(rootIndex, office)) {
        return Optional.of("it may act only for offices within " + root + ", not for " + handler);
      }
    }
    @Nullable String target = targetHandler(a);
    if (target != null) {
      int office = handlers.officeIndexOf(target);
      if (office >= 0 && !tree.contains(rootIndex, office)) {
        return Optional.of(
            "it may "
                + a.name()
                + " only to departments and offices within "
                + root
                + ", not to "
                + target);
      }
    }
    return Optional.empty();
  }

  /** The role table of region principals. */
  static boolean mayIssue(Role role, Command.Action a) {
    return switch (role) {
      case GRID_WORKER ->
          a instanceof Command.Report
              || a instanceof Command.ReportAt
              || a instanceof Command.Verify
              || a instanceof Command.Accept
              || a instanceof Command.Return
              || a instanceof Command.Resolve
              || a instanceof Command.Check
              || a instanceof Command.RequestExtension;
      case SUPERVISOR -> !(a instanceof Command.Arrive) && !(a instanceof Command.DecideMerge);
      case LEADER ->
          !(a instanceof Command.Arrive)
              && !(a instanceof Command.DecideMerge)
              && !(a instanceof Command.Evaluate)
              && !isExtensionAnswer(a);
      case DISPATCHER ->
          !(a instanceof Command.Arrive)
              && !(a instanceof Command.Evaluate)
              && !isExtensionAnswer(a)
              && !isSupervision(a);
      default -> false;
    };
  }

  /** 督办, 催办 and 督办办结 are for supervisors and leaders, not dispatchers. */
  private static boolean isSupervision(Command.Action a) {
    return a instanceof Command.OpenSupervision
        || a instanceof Command.Urge
        || a instanceof Command.CloseSupervision;
  }

  /** Whether the action answers an extension request: a supervisor's alone (see the class). */
  private static boolean isExtensionAnswer(Command.Action a) {
    return a instanceof Command.ApproveExtension || a instanceof Command.RefuseExtension;
  }

  /**
   * The handler a command acts for (accept, return, resolve, arrive, request an extension), or
   * null.
   */
  private static @Nullable String actingHandler(Command.Action a) {
    if (a instanceof Command.RequestExtension rx) {
      return rx.handlerId();
    } else if (a instanceof Command.Accept ac) {
      return ac.handlerId();
    } else if (a instanceof Command.Return rt) {
      return rt.handlerId();
    } else if (a instanceof Command.Resolve rs) {
      return rs.handlerId();
    } else if (a instanceof Command.Arrive ar) {
      return ar.departmentId();
    }
    return null;
  }

  /** The handler a command sends the case to (a dispatch naming its lead, an assist), or null. */
  private static @Nullable String targetHandler(Command.Action a) {
    if (a instanceof Command.Dispatch d) {
      return d.lead().orElse(null);
    } else if (a instanceof Command.Assist as) {
      return as.handlerId();
    }
    return null;
  }

  private static boolean holds(String dept, CaseState s) {
    return s.lead().equals(Optional.of(dept)) || s.assists().contains(dept);
  }

  /**
   * The tree index of a jurisdiction's root, through a small direct-mapped memo (principals recur).
   */
  private int rootIndexOf(long root) {
    int slot = (int) (root ^ (root >>> 17) ^ (root >>> 35)) & (ROOT_MEMO - 1);
    if (rootMemoCodes[slot] == root && rootMemoIndexes[slot] >= 0) {
      return rootMemoIndexes[slot];
    }
    int index = tree.indexOf(root);
    if (index >= 0) {
      rootMemoCodes[slot] = root;
      rootMemoIndexes[slot] = index;
    }
    return index;
  }

  /**
   * Whether any location of the case lies in the subtree of {@code rootIndex} (as {@code
   * Region.containsCode}); {@code firstLocation} is the first code's tree index, or -1 to look it
   * up.
   */
  private boolean isInside(int rootIndex, CaseFacts facts, int firstLocation) {
    if (rootIndex < 0) {
      return false;
    }
    int from = 0;
    if (firstLocation >= 0) { // the first code's index, resolved once by the engine
      if (tree.contains(rootIndex, firstLocation)) {
        return true;
      }
      from = 1;
    }
    ImmutableLongArray codes = facts.locationCodes();
    for (int i = from; i < codes.length(); i++) {
      int index = tree.indexOf(codes.get(i));
      if (index >= 0 && tree.contains(rootIndex, index)) {
        return true;
      }
    }
    return false;
  }
}
