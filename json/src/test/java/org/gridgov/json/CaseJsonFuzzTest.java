package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridgov.GridgovException;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;

/**
 * Fuzz target for {@link CaseJson}: any text read as an event, facts or a case file (the first byte
 * chooses) gives a value that writes and reads back equal, or the documented {@link
 * IllegalArgumentException} (bad JSON or field, naming the JSON path or position) or {@link
 * GridgovException} (a log that does not replay); never another exception.
 */
class CaseJsonFuzzTest {
  private static final CaseJson JSON = CaseJson.unmasked();

  @FuzzTest(maxDuration = "5m")
  void read(byte[] data) {
    if (data.length == 0) {
      return;
    }
    String text = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
    try {
      switch (data[0] & 3) {
        case 0 -> {
          CaseEvent e = JSON.readEvent(text);
          assertThat(JSON.readEvent(JSON.write(e))).isEqualTo(e);
        }
        case 1 -> {
          CaseFacts f = JSON.readFacts(text);
          assertThat(JSON.readFacts(JSON.write(f))).isEqualTo(f);
        }
        default -> {
          CaseFile c = JSON.readCaseFile(text);
          assertThat(JSON.write(JSON.readCaseFile(JSON.write(c)))).isEqualTo(JSON.write(c));
        }
      }
    } catch (IllegalArgumentException | GridgovException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
