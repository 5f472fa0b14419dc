package org.gridgov.json;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.ReportedPoint;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.sla.SlaStage;

/**
 * Random gridgov values for the JSON property tests: every event type and every command type, with
 * text that needs escaping (quotes, backslashes, newlines, CJK), instants with and without
 * nanoseconds, and region codes over the whole positive {@code long} range.
 */
final class GridgovArbitraries {
  /** The command type names, one per permitted {@link Command.Action} subclass. */
  static final List<String> ACTION_TYPES =
      List.of(
          "report",
          "report-at",
          "verify",
          "register",
          "dispatch",
          "accept",
          "return",
          "assist",
          "summon",
          "arrive",
          "suspend",
          "resume",
          "resolve",
          "check",
          "close",
          "evaluate",
          "reopen",
          "merge",
          "escalate",
          "request-extension",
          "approve-extension",
          "refuse-extension",
          "open-supervision",
          "urge",
          "close-supervision",
          "visit",
          "decide-merge");

  private GridgovArbitraries() {}

  static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars("张三丰城管局街道 -_:\"\\\n\t/é")
        .ofMinLength(1)
        .ofMaxLength(24)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<CaseId> caseId() {
    return text().map(String::strip).filter(s -> !s.isEmpty()).map(CaseId::of);
  }

  static Arbitrary<Instant> instant() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(0, 7_258_118_400L);
    Arbitrary<Integer> nanos =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(0)),
            Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  static Arbitrary<Duration> positiveDuration() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 10_000_000), Arbitraries.integers().between(0, 999))
        .as((s, ms) -> Duration.ofSeconds(s).plusMillis(ms))
        .filter(d -> !d.isZero());
  }

  static Arbitrary<SlaStage> stage() {
    return Arbitraries.of(SlaStage.class);
  }

  static Arbitrary<ImmutableList<String>> distinctIds() {
    return text().list().uniqueElements().ofMinSize(1).ofMaxSize(4).map(ImmutableList::copyOf);
  }

  static Arbitrary<EventPayload> payload(EventType type) {
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    return switch (type) {
      case REPORTED -> Arbitraries.just(new EventPayload.Reported());
      case VERIFIED -> Arbitraries.just(new EventPayload.Verified());
      case VERIFICATION_FAILED -> text().map(EventPayload.VerificationFailed::new);
      case REGISTERED -> Combinators.combine(instant(), flag).as(EventPayload.Registered::new);
      case DISPATCHED ->
          Combinators.combine(text(), Arbitraries.of(HandlerRole.class))
              .as(EventPayload.Dispatched::new);
      case ACCEPTED -> text().map(EventPayload.Accepted::new);
      case RETURNED -> Combinators.combine(text(), text()).as(EventPayload.Returned::new);
      case ESCALATED ->
          Combinators.combine(Arbitraries.of(EscalationCause.class), text(), text())
              .filter((c, from, to) -> !from.equals(to))
              .as(EventPayload.Escalated::new);
      case SUMMONED ->
          Combinators.combine(distinctIds(), positiveDuration()).as(EventPayload.Summoned::new);
      case ARRIVED -> text().map(EventPayload.Arrived::new);
      case ASSIST_ADDED -> text().map(EventPayload.AssistAdded::new);
      case SUSPENDED -> text().map(EventPayload.Suspended::new);
      case RESUMED -> Combinators.combine(instant(), flag).as(EventPayload.Resumed::new);
      case EXTENDED -> Combinators.combine(instant(), text(), flag).as(EventPayload.Extended::new);
      case EXTENSION_REQUESTED ->
          Combinators.combine(text(), Arbitraries.integers().between(1, Integer.MAX_VALUE), text())
              .as(EventPayload.ExtensionRequested::new);
      case EXTENSION_REFUSED -> text().map(EventPayload.ExtensionRefused::new);
      case RESOLVED -> text().map(EventPayload.Resolved::new);
      case CHECK_PASSED -> Arbitraries.just(new EventPayload.CheckPassed());
      case CHECK_FAILED -> text().map(EventPayload.CheckFailed::new);
      case CLOSED -> Arbitraries.just(new EventPayload.Closed());
      case EVALUATED ->
          Combinators.combine(Arbitraries.of(Satisfaction.class), flag)
              .as(EventPayload.Evaluated::new);
      case REOPENED -> Combinators.combine(text(), instant(), flag).as(EventPayload.Reopened::new);
      case MERGED -> caseId().map(EventPayload.Merged::new);
      case SLA_WARNING ->
          Combinators.combine(text(), stage(), Arbitraries.integers().between(1, Integer.MAX_VALUE))
              .as(EventPayload.SlaWarning::new);
      case SLA_BREACHED -> Combinators.combine(text(), stage()).as(EventPayload.SlaBreached::new);
      case DEADLINE_REVISED ->
          Combinators.combine(text(), instant(), instant(), text(), flag)
              .filter((clock, prev, due, edition, p) -> !prev.equals(due))
              .as(EventPayload.DeadlineRevised::new);
      case REPEAT_REPORTED ->
          Combinators.combine(caseId(), Arbitraries.integers().between(2, Integer.MAX_VALUE))
              .as(EventPayload.RepeatReported::new);
      case SUPERVISION_OPENED ->
          Combinators.combine(text(), instant(), text()).as(EventPayload.SupervisionOpened::new);
      case URGED -> text().map(EventPayload.Urged::new);
      case SUPERVISION_ESCALATED ->
          Combinators.combine(text(), text(), instant())
              .filter((from, to, due) -> !from.equals(to))
              .as(EventPayload.SupervisionEscalated::new);
      case SUPERVISION_CLOSED -> text().map(EventPayload.SupervisionClosed::new);
      case VISITED ->
          Arbitraries.of(Satisfaction.class)
              .optional()
              .map(v -> new EventPayload.Visited(v.isPresent(), v));
      case MERGE_SUGGESTED -> caseId().map(EventPayload.MergeSuggested::new);
      case MERGE_DECLINED -> caseId().map(EventPayload.MergeDeclined::new);
    };
  }

  static Arbitrary<CaseEvent> event(EventType type) {
    return Combinators.combine(
            caseId(),
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            instant(),
            Combinators.combine(text(), Arbitraries.of(Role.class)).as(Actor::of),
            payload(type))
        .as(CaseEvent::of);
  }

  static Arbitrary<CaseEvent> event() {
    return Arbitraries.of(EventType.class).flatMap(GridgovArbitraries::event);
  }

  /** Phone numbers of the lengths the masks treat differently, and international ones. */
  static Arbitrary<String> phone() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(7),
        Arbitraries.strings().numeric().ofLength(8),
        Arbitraries.strings().numeric().ofLength(11),
        Arbitraries.strings().numeric().ofLength(10).map(s -> "+86 " + s));
  }

  static Arbitrary<PersonalData> reporter() {
    return Combinators.combine(text(), phone().optional())
        .as(
            (name, phone) ->
                phone.map(p -> PersonalData.of(name, p)).orElse(PersonalData.ofName(name)));
  }

  static Arbitrary<CaseFacts> facts() {
    Arbitrary<ImmutableLongArray> codes =
        Arbitraries.longs()
            .between(1, Long.MAX_VALUE)
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(ImmutableLongArray::copyOf);
    return Combinators.combine(
            caseId(),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
            Arbitraries.of(Priority.class),
            Arbitraries.of(CaseKind.class),
            codes,
            Arbitraries.of(CaseSource.class),
            reporter().optional(0.7),
            point().optional(0.5))
        .as(
            (id, category, priority, kind, locations, source, reporter, point) -> {
              CaseFacts.Builder b =
                  CaseFacts.builder()
                      .id(id)
                      .categoryCode(category)
                      .priority(priority)
                      .kind(kind)
                      .locationCodes(locations)
                      .source(source);
              reporter.ifPresent(b::reporter);
              point.ifPresent(b::point);
              return b.build();
            });
  }

  static Arbitrary<ReportedPoint> point() {
    return Combinators.combine(
            Arbitraries.doubles().between(-180, 180), Arbitraries.doubles().between(-90, 90))
        .as(ReportedPoint::of);
  }

  static Arbitrary<Principal> principal() {
    return Arbitraries.of(Role.class)
        .flatMap(
            role ->
                switch (role) {
                  case RESIDENT -> text().map(Principal::resident);
                  case DEPARTMENT_STAFF ->
                      Combinators.combine(text(), text()).as(Principal::ofDepartment);
                  default ->
                      Combinators.combine(text(), Arbitraries.longs().between(1, Long.MAX_VALUE))
                          .as((id, code) -> Principal.inRegion(id, role, code));
                });
  }

  static Arbitrary<Command.Action> action(String type) {
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    return switch (type) {
      case "report" -> facts().map(Command.Report::new);
      case "report-at" ->
          Combinators.combine(
                  point(),
                  Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
                  Arbitraries.of(Priority.class),
                  Arbitraries.of(CaseKind.class),
                  Arbitraries.of(CaseSource.class),
                  reporter().optional(0.7))
              .as(Command.ReportAt::new);
      case "verify" ->
          Combinators.combine(flag, Arbitraries.strings().withChars("ab \n张").ofMaxLength(8))
              .as((v, r) -> new Command.Verify(v, v ? r : r + "不实"));
      case "register" -> Arbitraries.just(new Command.Register());
      case "dispatch" -> text().optional().map(Command.Dispatch::new);
      case "accept" -> text().map(Command.Accept::new);
      case "return" -> Combinators.combine(text(), text()).as(Command.Return::new);
      case "assist" -> text().map(Command.Assist::new);
      case "summon" ->
          Combinators.combine(distinctIds(), positiveDuration()).as(Command.Summon::new);
      case "arrive" -> text().map(Command.Arrive::new);
      case "suspend" -> text().map(Command.Suspend::new);
      case "resume" -> Arbitraries.just(new Command.Resume());
      case "resolve" -> Combinators.combine(text(), text()).as(Command.Resolve::new);
      case "check" ->
          Combinators.combine(flag, Arbitraries.strings().withChars("ab \n张").ofMaxLength(8))
              .as((p, r) -> new Command.Check(p, p ? r : r + "返工"));
      case "close" -> Arbitraries.just(new Command.Close());
      case "evaluate" ->
          Combinators.combine(Arbitraries.of(Satisfaction.class), flag).as(Command.Evaluate::new);
      case "reopen" -> text().map(Command.Reopen::new);
      case "merge" -> caseId().map(Command.Merge::new);
      case "escalate" -> text().optional().map(Command.Escalate::new);
      case "request-extension" ->
          Combinators.combine(text(), Arbitraries.integers().between(1, Integer.MAX_VALUE), text())
              .as(Command.RequestExtension::new);
      case "approve-extension" -> Arbitraries.just(new Command.ApproveExtension());
      case "refuse-extension" -> text().map(Command.RefuseExtension::new);
      case "open-supervision" ->
          Combinators.combine(text(), text()).as(Command.OpenSupervision::new);
      case "urge" -> text().map(Command.Urge::new);
      case "close-supervision" -> text().map(Command.CloseSupervision::new);
      case "visit" ->
          Arbitraries.of(Satisfaction.class)
              .optional()
              .map(v -> new Command.Visit(v.isPresent(), v));
      case "decide-merge" -> flag.map(Command.DecideMerge::new);
      default -> throw new IllegalArgumentException("no generator for command type " + type);
    };
  }

  static Arbitrary<Command> command(String type) {
    return Combinators.combine(text(), principal(), caseId(), instant(), action(type))
        .as(Command::of);
  }

  static Arbitrary<Command> command() {
    return Arbitraries.of(ACTION_TYPES).flatMap(GridgovArbitraries::command);
  }
}
