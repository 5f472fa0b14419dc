package org.gridgov.geo.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** A reader that fails once more than a given number of characters has been read through it. */
final class LimitedReader extends FilterReader {
  /** Thrown when the limit is exceeded. */
  static final class TooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLongException(long limit) {
      super("more than " + limit + " characters");
    }
  }

  private final long limit;
  private long count;

  LimitedReader(Reader in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      counted(1);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long k = super.skip(n);
    counted(k);
    return k;
  }

  @Override
  public void close() {
    // The caller owns the underlying reader.
  }

  private void counted(long n) throws TooLongException {
    count += n;
    if (count > limit) {
      throw new TooLongException(limit);
    }
  }
}
