package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Priority;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/** The deliberation policy and shift roster CSV formats: good files, and every bad row named. */
class PeopleCsvTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();

  /** {@link DeliberationPolicy#standard()} written out, plus one category sized big. */
  static final String STANDARD =
      """
      rule,body,zh,kind,level,members,quorum,cadence,size,category
      # 小事小议
      body,grid_discussion,网格议事会,deliberation,grid,grid_leader;grid_worker;party_contact,1/2,weekly wednesday 15:00,,
      body,representatives_meeting,居民代表会议,deliberation,community,grid_leader party_contact volunteer,2/3,monthly 10 14:30,,
      body,quick_decision,急事快议小组,DELIBERATION,community,grid_leader;police,1/2,within PT4H,,
      body,mediation_committee,人民调解委员会,mediation,community,grid_leader;police,1/2,within P30D,,
      route,grid_discussion,,,,,,,small,
      route,representatives_meeting,,,,,,,big,
      route,quick_decision,,,,,,,urgent,
      size,,,,,,,,big,0601
      """;

  static final String ROSTER =
      """
      person,pattern,days,start,end
      p-day,day,working_days,08:30,17:30
      p-night,night,every_day,20:00,08:00
      p-duty,holiday,rest_days,09:00,17:00
      p-duty,holiday,working_days,18:00,21:00
      """;

  private static DeliberationPolicy policy(String text) {
    return DeliberationPolicyCsv.read(new StringReader(text), "bodies.csv", StaffRoles.standard());
  }

  private static TextParseException policyFailure(String text) {
    return catchThrowableOfType(TextParseException.class, () -> policy(text));
  }

  @Test
  void theStandardPolicyReadsBackFromText() {
    DeliberationPolicy p = policy(STANDARD);
    assertThat(p.bodies()).isEqualTo(DeliberationPolicy.standard().bodies());
    for (MatterSize s : MatterSize.values()) {
      assertThat(p.bodyFor(s)).isEqualTo(DeliberationPolicy.standard().bodyFor(s));
    }
    assertThat(p.sizeOf(PeopleFixtures.facts("060102", Priority.NORMAL))).isEqualTo(MatterSize.BIG);
    assertThat(p.sizeOf(PeopleFixtures.facts("0101", Priority.NORMAL))).isEqualTo(MatterSize.SMALL);
    assertThat(p.sizeOf(PeopleFixtures.facts("0101", Priority.URGENT)))
        .isEqualTo(MatterSize.URGENT);
    assertThat(p.body("grid_discussion").orElseThrow().cadence())
        .isEqualTo(Cadence.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(15, 0)));
  }

  /** The reason of the only problem on a line. */
  private static String reason(TextParseException e, int line) {
    return e.problems().stream().filter(p -> p.line() == line).findFirst().orElseThrow().reason();
  }

  @Test
  void everyBadPolicyRowIsNamedByLineColumnFieldAndRule() {
    String text =
        STANDARD
            + "body,b1,甲,deliberation,grid,grid_worker,3/2,weekly wednesday 15:00,,\n"
            + "body,b2,乙,deliberation,grid,grid_worker,1/2,monthly 32 14:30,,\n"
            + "body,b3,丙,deliberation,grid,grid_leader;janitor,1/2,within PT4H,,\n"
            + "route,mediation_committee,,,,,,,urgent,\n"
            + "route,grid_discussion,,,,,,,small,\n"
            + "size,,,,,,,,huge,0602\n"
            + "size,,,,,,,,big,0601\n"
            + "vote,,,,,,,,,\n"
            + "body,grid_discussion,再,deliberation,grid,grid_worker,1/2,within PT1H,,\n";
    TextParseException e = policyFailure(text);
    assertThat(e.problems())
        .extracting(p -> p.line() + ":" + p.column() + ":" + p.field())
        .containsExactly(
            "11:7:quorum",
            "12:8:cadence",
            "13:6:members",
            "14:2:body",
            "15:9:size",
            "16:9:size",
            "17:10:category",
            "18:1:rule",
            "19:2:body");
    assertThat(reason(e, 11)).contains("fraction n/d");
    assertThat(reason(e, 12)).contains("monthly <day 1-31> <HH:MM>");
    assertThat(reason(e, 13)).contains("unknown role", "grid_worker");
    assertThat(e.problems().get(2).value()).isEqualTo("janitor");
    assertThat(reason(e, 14))
        .contains("mediation_committee is a MEDIATION body; a size goes to a deliberation body");
    assertThat(reason(e, 15)).contains("SMALL matters are routed on line 7 already");
    assertThat(reason(e, 16)).contains("small, big or urgent");
    assertThat(reason(e, 17)).contains("category 0601 is sized on line 10 already");
    assertThat(reason(e, 18)).contains("expected body, route or size");
    assertThat(reason(e, 19)).contains("body grid_discussion is defined on line 3 already");
    assertThat(e.getMessage()).contains("bodies.csv:11:7");
    TextParseException noRoute = policyFailure(STANDARD.replace("route,quick_decision", "#"));
    assertThat(noRoute.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("no route row sends URGENT matters"));
  }

  private static ShiftRoster roster(String text) {
    return ShiftRosterCsv.read(new StringReader(text), "roster.csv", CAL);
  }

  @Test
  void aRosterReadsFromTextAndAnswersOnDuty() {
    ShiftRoster r = roster(ROSTER);
    PersonId day = PersonId.of("p-day");
    PersonId night = PersonId.of("p-night");
    PersonId duty = PersonId.of("p-duty");
    assertThat(r.patternOf(duty).orElseThrow().windows()).hasSize(2);
    assertThat(r.patternOf(duty).orElseThrow().code()).isEqualTo("holiday");
    // Tuesday 4 March 2025 (working day), Shanghai time = UTC+8.
    assertThat(r.onDuty(day, Instant.parse("2025-03-04T02:00:00Z"))).isTrue(); // 10:00
    assertThat(r.onDuty(day, Instant.parse("2025-03-04T10:00:00Z"))).isFalse(); // 18:00
    assertThat(r.onDuty(duty, Instant.parse("2025-03-04T10:00:00Z"))).isTrue(); // 18:00
    assertThat(r.onDuty(night, Instant.parse("2025-03-04T23:00:00Z"))).isTrue(); // 07:00 next
    // Labour Day: a rest day.
    assertThat(r.onDuty(day, Instant.parse("2025-05-01T02:00:00Z"))).isFalse();
    assertThat(r.onDuty(duty, Instant.parse("2025-05-01T02:00:00Z"))).isTrue();
    assertThat(r.onDuty(PersonId.of("p-unlisted"), Instant.parse("2025-05-01T02:00:00Z"))).isTrue();
  }

  @Test
  void everyBadRosterRowIsNamedAndAPersonFieldIsNeverEchoed() {
    String text =
        ROSTER
            + "张三 13800138000,day,working_days,08:30,17:30\n"
            + "p-day,late,working_days,17:30,22:00\n"
            + "p-x,Day Shift,weekdays,8:30,25:00\n";
    TextParseException e = catchThrowableOfType(TextParseException.class, () -> roster(text));
    assertThat(e.problems())
        .extracting(p -> p.line() + ":" + p.column() + ":" + p.field())
        .containsExactly(
            "6:1:person", "7:2:pattern", "8:2:pattern", "8:3:days", "8:4:start", "8:5:end");
    assertThat(reason(e, 7))
        .contains("person p-day works pattern day from line 2; a person has one pattern");
    assertThat(e.problems().get(4).reason()).contains("HH:MM");
    assertThat(e.problems().get(5).value()).isEqualTo("25:00");
    assertThat(e.getMessage()).doesNotContain("张三").doesNotContain("13800138000");
    TextParseException header =
        catchThrowableOfType(TextParseException.class, () -> roster("person,pattern,days,start\n"));
    assertThat(header.getMessage()).contains("required column \"end\"");
  }

  @Test
  void aColumnNamedTwiceIsAHeaderProblemThatEchoesNoField() {
    TextParseException e =
        catchThrowableOfType(
            TextParseException.class,
            () ->
                roster(
                    "person,pattern,days,start,end,person\np-day,day,working_days,08:30,17:30,x\n"));
    assertThat(e.problems()).hasSize(1);
    TextParseException.Problem p = e.problems().get(0);
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(6);
    assertThat(p.field()).isEmpty();
    assertThat(p.reason()).contains("column \"person\" appears twice");
  }

  @Test
  void limitsStopAnOversizedInput() {
    StringBuilder sb =
        new StringBuilder("rule,body,zh,kind,level,members,quorum,cadence,size,category\n");
    for (int i = 0; i < 10_001; i++) {
      sb.append("size,,,,,,,,big,1")
          .append(String.format(java.util.Locale.ROOT, "%05d", i))
          .append('\n');
    }
    TextParseException e = policyFailure(sb.toString());
    assertThat(e.getMessage()).contains("more than the limit of 10000 records");
  }
}
