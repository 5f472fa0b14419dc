package org.gridgov.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads a line-oriented text format from a caller-owned {@link Reader}: hands each meaningful line, stripped, to a
 * consumer with its 1-based line number. Blank lines and lines starting with {@code #} are skipped. Does not close
 * the reader.
 */
public final class TextLines {
  /** Receives one meaningful line. */
  @FunctionalInterface
  public interface LineConsumer {
    /**
     * Called for each non-blank, non-comment line.
     *
     * @param lineNumber the 1-based line number
     * @param text the line, stripped of leading and trailing white space
     */
    void accept(int lineNumber, String text);
  }

  private TextLines() {}

  /**
   * Reads every line of the input.
   *
   * @param in the text, opened and closed by the caller
   * @param source the input's name, for the exception if reading fails
   * @param consumer receives each meaningful line
   * @throws UncheckedIOException if reading fails
   */
  public static void forEach(Reader in, String source, LineConsumer consumer) {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      int lineNumber = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNumber++;
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          consumer.accept(lineNumber, text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }
}
