package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code honest: every Java block in README.md that is marked as a snippet must
 * equal, line for line, the tagged region of the example source it names. Edit the example, then
 * run {@code python3 build/update-readme-snippets.py} to copy the region into the README.
 *
 * <p>In README.md:
 *
 * <pre>
 * &lt;!-- snippet: quickstart examples/src/main/java/org/gridgov/examples/QuickstartExample.java --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * <p>In the source: the lines between {@code // tag::quickstart[]} and {@code // end::quickstart[]}
 * (in XML: {@code <!-- tag::add-h2[] -->} and {@code <!-- end::add-h2[] -->}), with their common
 * indentation removed.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: (\\S+) (\\S+) -->\\R```(?:java|xml)\\R(.*?)\\R```", Pattern.DOTALL);

  @Test
  void everyReadmeSnippetEqualsItsTaggedSourceRegion() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher m = SNIPPET.matcher(readme);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      String tag = m.group(1);
      Path source = ROOT.resolve(m.group(2));
      String expected = taggedRegion(Files.readString(source, StandardCharsets.UTF_8), tag, source);
      assertThat(m.group(3))
          .as("README snippet '%s' must equal the region tagged '%s' in %s", tag, tag, m.group(2))
          .isEqualTo(expected);
      checked.add(tag);
    }
    assertThat(checked)
        .as("snippets found in README.md")
        .contains("quickstart", "case-loop", "add-bom", "add-core", "add-h2", "add-simulation");
  }

  /** The version the README tells a new user to import is the version this build makes. */
  @Test
  void readmeBomVersionIsTheBuildsVersion() throws IOException {
    Pattern version =
        Pattern.compile(
            "<artifactId>gridgov-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>");
    Matcher parent =
        version.matcher(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
    Matcher consumer =
        version.matcher(
            Files.readString(
                ROOT.resolve("release-check/src/it/consumer/pom.xml"), StandardCharsets.UTF_8));
    assertThat(parent.find()).as("gridgov-parent's version in pom.xml").isTrue();
    assertThat(consumer.find()).as("the BOM import in the consumer pom").isTrue();
    assertThat(consumer.group(1)).isEqualTo(parent.group(1));
  }

  static String taggedRegion(String source, String tag, Path path) {
    List<String> lines = Splitter.onPattern("\\R").splitToList(source);
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.equals("// tag::" + tag + "[]") || t.equals("<!-- tag::" + tag + "[] -->")) {
        start = i + 1;
      } else if (t.equals("// end::" + tag + "[]") || t.equals("<!-- end::" + tag + "[] -->")) {
        end = i;
      }
    }
    assertThat(start).as("tag::%s[] in %s", tag, path).isPositive();
    assertThat(end)
        .as("end::%s[] after tag::%s[] in %s", tag, tag, path)
        .isGreaterThanOrEqualTo(start);
    List<String> region = lines.subList(start, end);
    int indent =
        region.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : region) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l.isBlank() ? "" : l.substring(indent));
    }
    return sb.toString();
  }
}
