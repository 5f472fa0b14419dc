package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.PersonalData;
import org.gridgov.engine.Command;

/**
 * The tree side of {@link CaseJson}: a value's tree writes exactly its text, the trees read back to
 * the value, and a bad tree is refused with its path like bad text. The oracle is the text side,
 * which {@code CaseJsonTest} pins against the documented shapes.
 */
class CaseJsonTreesTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** A tree's text; trees are compared by it (Jackson's node equality tells an int from a long). */
  private static String textOf(JsonNode tree) throws JsonProcessingException {
    return PLAIN.writeValueAsString(tree);
  }

  @Provide
  Arbitrary<CaseEvent> events() {
    return GridgovArbitraries.event();
  }

  @Provide
  Arbitrary<CaseFacts> facts() {
    return GridgovArbitraries.facts();
  }

  @Provide
  Arbitrary<Command> commands() {
    return GridgovArbitraries.command();
  }

  @Property(tries = 200)
  void anEventsTree_writesItsText_andReadsBack(@ForAll("events") CaseEvent e)
      throws JsonProcessingException {
    for (CaseJson json : new CaseJson[] {CaseJson.masked(), CaseJson.unmasked()}) {
      ObjectNode tree = json.toTree(e);
      assertThat(textOf(tree)).isEqualTo(json.write(e));
      assertThat(json.eventFromTree(tree)).isEqualTo(e);
    }
  }

  @Property(tries = 200)
  void factsTrees_maskLikeTheirText(@ForAll("facts") CaseFacts f) throws JsonProcessingException {
    ObjectNode clear = CaseJson.unmasked().toTree(f);
    assertThat(textOf(clear)).isEqualTo(CaseJson.unmasked().write(f));
    assertThat(CaseJson.unmasked().factsFromTree(clear)).isEqualTo(f);

    ObjectNode masked = CaseJson.masked().toTree(f);
    String maskedText = CaseJson.masked().write(f);
    assertThat(textOf(masked)).isEqualTo(maskedText);
    assertThat(CaseJson.masked().factsFromTree(masked))
        .isEqualTo(CaseJson.masked().readFacts(maskedText));
  }

  @Example
  void aMaskedFactsTree_holdsNoClearPersonalData() {
    CaseFacts f = CaseJsonTest.facts(PersonalData.of("张三丰", "13812345678"));
    ObjectNode masked = CaseJson.masked().toTree(f);
    assertThat(masked.toString())
        .contains("\"masked\":true", "张**", "138****5678")
        .doesNotContain("三丰", "13812345678");
    assertThat(CaseJson.unmasked().toTree(f).toString()).contains("张三丰", "13812345678");
  }

  @Property(tries = 200)
  void aCommandsTree_writesItsText(@ForAll("commands") Command c) throws JsonProcessingException {
    for (CaseJson json : new CaseJson[] {CaseJson.masked(), CaseJson.unmasked()}) {
      assertThat(textOf(json.toTree(c))).isEqualTo(json.write(c));
    }
    assertThat(CaseJson.unmasked().readCommand(CaseJson.unmasked().toTree(c).toString()))
        .isEqualTo(c);
  }

  @Example
  void aCaseFilesTree_writesItsText() throws JsonProcessingException {
    CaseFile file = CaseJsonTest.sampleFile();
    for (CaseJson json : new CaseJson[] {CaseJson.masked(), CaseJson.unmasked()}) {
      ObjectNode tree = json.toTree(file);
      assertThat(textOf(tree)).isEqualTo(json.write(file));
      assertThat(tree.get("events")).hasSize(file.events().size());
    }
    assertThat(CaseJson.unmasked().readCaseFile(CaseJson.unmasked().toTree(file).toString()))
        .isEqualTo(file);
  }

  @Example
  void aBadTree_isRefusedWithItsPath() {
    CaseFile file = CaseJsonTest.sampleFile();
    ObjectNode event = CaseJson.masked().toTree(file.events().get(3));
    event.put("at", "yesterday");
    assertThatThrownBy(() -> CaseJson.masked().eventFromTree(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(readEventMessage(event));
    assertThat(readEventMessage(event)).contains("$.at must be an ISO-8601 instant");

    ObjectNode facts = CaseJson.masked().toTree(file.facts());
    facts.remove("categoryCode");
    assertThatThrownBy(() -> CaseJson.masked().factsFromTree(facts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.categoryCode is missing");
  }

  @Example
  void aTreeBreakingARule_isRefusedWithThePathAndTheRule() {
    ObjectNode event = CaseJson.masked().toTree(CaseJsonTest.sampleFile().events().get(0));
    event.put("sequence", 0);
    assertThatThrownBy(() -> CaseJson.masked().eventFromTree(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(readEventMessage(event))
        .hasMessageContaining("$.sequence must be at least 1");
  }

  private static String readEventMessage(JsonNode tree) {
    try {
      var unused = CaseJson.masked().readEvent(tree.toString());
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
    throw new AssertionError("the text of a bad tree was read: " + tree);
  }

  @Example
  void theMapper_isACopyWithTheSameCodecAndLimits() throws JsonProcessingException {
    CaseEvent e = CaseJsonTest.sampleFile().events().get(4);
    ObjectMapper copy = CaseJson.masked().mapper();
    assertThat(copy.writeValueAsString(e)).isEqualTo(CaseJson.masked().write(e));
    assertThat(copy.readValue(CaseJson.masked().write(e), CaseEvent.class)).isEqualTo(e);

    copy.enable(SerializationFeature.INDENT_OUTPUT);
    assertThat(copy.writeValueAsString(e)).contains("\n");
    assertThat(CaseJson.masked().write(e)).doesNotContain("\n");
    assertThat(CaseJson.masked().mapper()).isNotSameAs(copy);

    String deep = "[".repeat(CaseJson.MAX_NESTING + 1) + "]".repeat(CaseJson.MAX_NESTING + 1);
    assertThatThrownBy(() -> CaseJson.masked().mapper().readTree(deep))
        .isInstanceOf(StreamConstraintsException.class);
    assertThat(PLAIN.readTree(deep)).isNotNull();
  }
}
