package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.PersonalData;

/**
 * Issue 16, personal data: no message of a refused document holds the personal text put into it
 * (names, phone numbers of 7, 8 and 11 digits and international ones, addresses, ID numbers), in
 * whatever field it was put, as a string, as a number or as a malformed token; the messages name
 * the path and the expected shape only. And the masks written leave no run of more than four digits
 * of a phone number.
 */
class JsonPrivacyTest {
  private static final ObjectMapper MAPPER = GridgovModuleTest.MAPPER;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Personal text of every kind the issue names. */
  static final List<String> PERSONAL =
      List.of(
          "张三丰",
          "欧阳娜娜",
          "8123456",
          "81234567",
          "13812345678",
          "+86 138 1234 5678",
          "+44 20 7946 0958",
          "0086-10-62345678",
          "北京市朝阳区建国路88号院3号楼",
          "11010519491231002X");

  /** The parts of a personal text a message must not show: itself and its longer digit runs. */
  static List<String> tellTales(String personal) {
    List<String> out = new ArrayList<>(List.of(personal));
    Matcher m = Pattern.compile("[0-9]{5,}").matcher(personal);
    while (m.find()) {
      out.add(m.group());
    }
    String digits = personal.replaceAll("[^0-9]", "");
    if (digits.length() >= 7) {
      out.add(digits);
    }
    return out;
  }

  private static void assertClean(Throwable t, String personal, String where) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      for (String tell : tellTales(personal)) {
        assertThat(String.valueOf(c.getMessage())).as(where).doesNotContain(tell);
        assertThat(c.toString()).as(where).doesNotContain(tell);
      }
    }
  }

  /** The personal text as a JSON string and, if it is a number, as a JSON number too. */
  private static List<JsonNode> asValues(String personal) {
    List<JsonNode> out = new ArrayList<>(List.of(NODES.textNode(personal)));
    if (personal.matches("[0-9]+")) {
      out.add(NODES.numberNode(Long.parseLong(personal)));
    }
    return out;
  }

  @Property(tries = 60)
  void personalTextInAnyField_neverReachesAMessage(@ForAll("values") GridgovModuleTest.Sample value)
      throws Exception {
    JsonNode tree = MAPPER.valueToTree(value.value());
    for (JsonTrees.Site site : JsonTrees.sites(tree)) {
      for (String personal : PERSONAL) {
        for (JsonNode v : asValues(personal)) {
          String json = MAPPER.writeValueAsString(site.replacedIn(tree, v));
          Throwable viaModule = catchThrowable(() -> MAPPER.readValue(json, value.type()));
          if (viaModule != null) {
            assertClean(viaModule, personal, site.path() + " via the module");
          }
          Throwable viaFacade = catchThrowable(() -> readWithFacade(json, value.type()));
          if (viaFacade != null) {
            assertClean(viaFacade, personal, site.path() + " via CaseJson");
          }
        }
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<GridgovModuleTest.Sample> values() {
    return new GridgovModuleTest().values();
  }

  private static Object readWithFacade(String json, Class<?> type) {
    CaseJson j = CaseJson.unmasked();
    if (type == CaseFacts.class) {
      return j.readFacts(json);
    }
    return type == org.gridgov.engine.Command.class ? j.readCommand(json) : j.readEvent(json);
  }

  @Example
  void malformedTokensOfPersonalText_neverReachAMessage() {
    for (String personal : PERSONAL) {
      List<String> docs =
          List.of(
              personal,
              "{\"caseId\": " + personal + "}",
              "{\"caseId\": \"C-1\", \"sequence\": tel" + personal + "}",
              "{\"caseId\": \"C-1\" " + personal + "}",
              "{\"caseId\": \"C-1\", \"payload\": {\"reason\": \"" + personal + "\" 1}}",
              "{\"caseId\": \"" + personal);
      for (String doc : docs) {
        Throwable facade = catchThrowable(() -> CaseJson.unmasked().readEvent(doc));
        assertThat(facade).as(doc).isInstanceOf(IllegalArgumentException.class);
        assertClean(facade, personal, doc);
        if (doc.startsWith("{")) {
          // After the first token, the module's own reader parses, and keeps the text out.
          Throwable module =
              catchThrowable(() -> MAPPER.readValue(doc, org.gridgov.casefile.CaseEvent.class));
          assertThat(module).as(doc).isInstanceOf(GridgovJsonException.class);
          assertClean(module, personal, doc);
        }
      }
    }
  }

  @Example
  void theOracleSeesALeak_jacksonsOwnMessagesQuoteTheBadToken() {
    // Without the module's care, the same documents leak: the check above can fail.
    assertThatThrownBy(() -> new ObjectMapper().readTree("{\"caseId\": tel13812345678}"))
        .hasMessageContaining("13812345678");
    assertThatThrownBy(() -> new ObjectMapper().readTree("{\"caseId\": 张三丰}"))
        .hasMessageContaining("张");
  }

  @Example
  void masks_showAtMostFourDigitsInARow_for7_8_11DigitAndInternationalNumbers() throws Exception {
    for (String phone :
        List.of("8123456", "81234567", "13812345678", "+86 138 1234 5678", "+441234567890")) {
      CaseFacts f =
          CaseFacts.builder()
              .id(org.gridgov.casefile.CaseId.of("C-1"))
              .categoryCode("0102")
              .priority(org.gridgov.casefile.Priority.NORMAL)
              .kind(org.gridgov.casefile.CaseKind.IMMEDIATE)
              .locationCodes(com.google.common.primitives.ImmutableLongArray.of(350302001001001L))
              .source(org.gridgov.casefile.CaseSource.HOTLINE_12345)
              .reporter(PersonalData.of("欧阳娜娜", phone))
              .build();
      String json = CaseJson.masked().write(f);
      assertThat(json).doesNotContain(phone).doesNotContain("阳娜娜");
      String written = MAPPER.readTree(json).get("reporter").get("phone").asText();
      assertThat(written).isEqualTo(PersonalData.maskPhone(phone));
      assertThat(written).doesNotContainPattern("[0-9]{5,}");
      assertThat(written.replaceAll("[^0-9]", "").length())
          .as(written)
          .isLessThan(phone.replaceAll("[^0-9]", "").length() / 2 + 3);
    }
  }

  @Example
  void aReportedPoint_isWrittenRoundedWhenMasked_andExactWhenNot() throws Exception {
    CaseFacts f =
        CaseFacts.builder()
            .id(org.gridgov.casefile.CaseId.of("C-2"))
            .categoryCode("0102")
            .priority(org.gridgov.casefile.Priority.NORMAL)
            .kind(org.gridgov.casefile.CaseKind.IMMEDIATE)
            .locationCodes(com.google.common.primitives.ImmutableLongArray.of(350302001001001L))
            .source(org.gridgov.casefile.CaseSource.APP)
            .point(org.gridgov.casefile.ReportedPoint.of(119.012345, 25.438765))
            .build();
    var masked = MAPPER.readTree(CaseJson.masked().write(f)).get("point");
    assertThat(masked.get("lon").asDouble()).isEqualTo(119.01);
    assertThat(masked.get("lat").asDouble()).isEqualTo(25.44);
    assertThat(masked.get("masked").asBoolean()).isTrue();
    var exact = MAPPER.readTree(CaseJson.unmasked().write(f)).get("point");
    assertThat(exact.get("lon").asDouble()).isEqualTo(119.012345);
    assertThat(exact.get("lat").asDouble()).isEqualTo(25.438765);
    assertThat(CaseJson.unmasked().readFacts(CaseJson.unmasked().write(f))).isEqualTo(f);
  }
}
