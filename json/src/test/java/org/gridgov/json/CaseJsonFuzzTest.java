package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.gridgov.GridgovException;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.engine.Command;
import org.jspecify.annotations.Nullable;

/**
 * Fuzz target for {@link CaseJson} and {@link GridgovModule}: any text is read as an event, facts,
 * a case file or a command (the first byte chooses), once through {@link CaseJson} and once through
 * an {@link ObjectMapper} with the module. Each reader gives a value that writes and reads back
 * equal, or its documented exception ({@link IllegalArgumentException} or Jackson's {@link
 * JsonProcessingException}, and {@link GridgovException} for a log that does not replay); never
 * another exception. And the two readers agree: both accept, with equal values, or both refuse.
 */
class CaseJsonFuzzTest {
  private static final CaseJson JSON = CaseJson.unmasked();
  private static final ObjectMapper MAPPER = JSON.mapper();

  @FuzzTest(maxDuration = "5m")
  void read(byte[] data) {
    if (data.length == 0) {
      return;
    }
    String text = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
    switch (data[0] & 3) {
      case 0 -> check(text, CaseEvent.class, JSON::readEvent, JSON::write);
      case 1 -> check(text, CaseFacts.class, JSON::readFacts, JSON::write);
      case 2 -> check(text, CaseFile.class, JSON::readCaseFile, JSON::write);
      default -> check(text, Command.class, JSON::readCommand, JSON::write);
    }
  }

  private static <T> void check(
      String text, Class<T> type, Function<String, T> facade, Function<T, String> writer) {
    T viaFacade = null;
    try {
      viaFacade = facade.apply(text);
      assertThat(facade.apply(writer.apply(viaFacade))).isEqualTo(viaFacade);
    } catch (IllegalArgumentException | GridgovException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    T viaModule = readWithModule(text, type);
    if (viaModule != null) {
      assertThat(readWithModule(writer.apply(viaModule), type)).isEqualTo(viaModule);
    }
    assertThat(viaModule).isEqualTo(viaFacade);
  }

  private static <T> @Nullable T readWithModule(String text, Class<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException | GridgovException e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }
}
