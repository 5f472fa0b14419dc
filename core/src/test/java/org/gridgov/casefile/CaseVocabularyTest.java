package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The words a case file is shown in (the glossary's Chinese names, written out here by hand), the
 * channel each source counts under, which statuses are open and which terminal, and the exact
 * ranges of a reported point.
 */
class CaseVocabularyTest {

  private static <E extends Enum<E>> void names(
      Class<E> type, Function<E, String> name, Map<E, String> expected) {
    assertThat(EnumSet.allOf(type)).hasSize(expected.size());
    for (E e : type.getEnumConstants()) {
      assertThat(name.apply(e)).as("%s", e).isEqualTo(expected.get(e));
    }
  }

  @Test
  void theChineseNames_areTheGlossarys() {
    names(
        CaseKind.class,
        CaseKind::chineseName,
        Map.of(
            CaseKind.IMMEDIATE, "即办件",
            CaseKind.COMMITTED, "承诺件",
            CaseKind.COORDINATED, "协调件"));
    names(
        Priority.class,
        Priority::chineseName,
        Map.of(Priority.URGENT, "急事", Priority.MAJOR, "大事", Priority.NORMAL, "小事"));
    names(
        HandlerRole.class,
        HandlerRole::chineseName,
        Map.of(HandlerRole.LEAD, "主办", HandlerRole.ASSIST, "协办"));
    names(
        Satisfaction.class,
        Satisfaction::chineseName,
        Map.of(
            Satisfaction.SATISFIED, "满意",
            Satisfaction.BASICALLY_SATISFIED, "基本满意",
            Satisfaction.DISSATISFIED, "不满意"));
    names(
        SourceChannel.class,
        SourceChannel::chineseName,
        Map.of(
            SourceChannel.RESIDENT_REPORT, "群众上报",
            SourceChannel.PROACTIVE_DISCOVERY, "主动发现",
            SourceChannel.RECEPTION, "接访",
            SourceChannel.INSTRUCTION, "领导交办"));
    names(
        CaseSource.class,
        CaseSource::chineseName,
        Map.of(
            CaseSource.HOTLINE_12345, "12345热线",
            CaseSource.GRID_PATROL, "网格员巡查",
            CaseSource.APP, "APP上报",
            CaseSource.LEADERSHIP_INSTRUCTION, "领导批示",
            CaseSource.PROACTIVE, "未诉先办",
            CaseSource.RECEPTION_DAY, "接访日"));
    assertThat(CaseStatus.HANDLING.chineseName()).isEqualTo("处置中");
    assertThat(CaseStatus.CLOSED.chineseName()).isEqualTo("已结案");
  }

  @Test
  void everyStatusAndEventType_hasItsOwnName() {
    assertThat(Arrays.stream(CaseStatus.values()).map(CaseStatus::chineseName))
        .doesNotContainNull()
        .doesNotHaveDuplicates()
        .allMatch(s -> !s.isBlank());
    assertThat(Arrays.stream(EventType.values()).map(EventType::chineseName))
        .doesNotContainNull()
        .doesNotHaveDuplicates()
        .allMatch(s -> !s.isBlank());
  }

  @Test
  void eachSource_countsUnderItsChannel() {
    names(
        CaseSource.class,
        s -> s.channel().name(),
        Map.of(
            CaseSource.HOTLINE_12345, "RESIDENT_REPORT",
            CaseSource.APP, "RESIDENT_REPORT",
            CaseSource.GRID_PATROL, "PROACTIVE_DISCOVERY",
            CaseSource.PROACTIVE, "PROACTIVE_DISCOVERY",
            CaseSource.RECEPTION_DAY, "RECEPTION",
            CaseSource.LEADERSHIP_INSTRUCTION, "INSTRUCTION"));
  }

  @Test
  void openIsReportedUntilClosed_terminalIsInvalidOrMerged() {
    var open =
        EnumSet.of(
            CaseStatus.REPORTED,
            CaseStatus.VERIFIED,
            CaseStatus.REGISTERED,
            CaseStatus.DISPATCHED,
            CaseStatus.HANDLING,
            CaseStatus.SUSPENDED,
            CaseStatus.RESOLVED,
            CaseStatus.CHECKED);
    var terminal = EnumSet.of(CaseStatus.INVALID, CaseStatus.MERGED);
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(s.isOpen()).as("%s open", s).isEqualTo(open.contains(s));
      assertThat(s.isTerminal()).as("%s terminal", s).isEqualTo(terminal.contains(s));
    }
  }

  @Test
  void aReportedPoint_takesBothEndsOfEachRange_andNothingPast() {
    for (double lon : new double[] {-180, 180}) {
      for (double lat : new double[] {-90, 90}) {
        assertThat(ReportedPoint.of(lon, lat).revealLongitude()).isEqualTo(lon);
        assertThat(ReportedPoint.of(lon, lat).revealLatitude()).isEqualTo(lat);
      }
    }
    for (double lon : new double[] {Math.nextUp(180.0), Math.nextDown(-180.0)}) {
      assertThatThrownBy(() -> ReportedPoint.of(lon, 0)).hasMessageContaining("longitude");
    }
    for (double lat : new double[] {Math.nextUp(90.0), Math.nextDown(-90.0)}) {
      assertThatThrownBy(() -> ReportedPoint.of(0, lat)).hasMessageContaining("latitude");
    }
  }

  @Test
  void pointsDifferingInOneCoordinate_areDifferent() {
    ReportedPoint p = ReportedPoint.of(119.01, 25.43);
    assertThat(p)
        .isEqualTo(ReportedPoint.of(119.01, 25.43))
        .isNotEqualTo(ReportedPoint.of(119.02, 25.43));
    assertThat(p)
        .isNotEqualTo(ReportedPoint.of(119.01, 25.44))
        .isNotEqualTo((Object) "119.01,25.43");
    assertThat(p.hashCode()).isEqualTo(ReportedPoint.of(119.01, 25.43).hashCode());
  }
}
