package org.gridgov.benchmarks.server;

import com.google.common.primitives.ImmutableLongArray;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A cheap closed-loop HTTP/1.1 load client, in the manner of {@code wrk}: one thread, one NIO
 * selector, a fixed number of keep-alive connections, each sending its next pre-encoded POST as
 * soon as the last response is complete. On a 2-core machine the client shares the cores with the
 * server, so what the client spends per request is taken from the server; {@code java.net.http}
 * spends several times more than this. Responses are read by {@code Content-Length} or to the end
 * of a chunked body.
 */
final class RawHttpLoad {

  /**
   * What a run measured.
   *
   * @param ok responses with the expected status
   * @param errors other responses and failed connections
   * @param seconds the measured wall time
   * @param latencies latencies of the good responses in nanoseconds, ascending
   */
  record Result(int ok, long errors, double seconds, ImmutableLongArray latencies) {}

  private RawHttpLoad() {}

  /**
   * Keeps {@code connections} POSTs in flight for {@code seconds}.
   *
   * @param port the server's port on 127.0.0.1
   * @param path the request path
   * @param bodies form bodies, used in turn
   * @param connections connections (= requests in flight)
   * @param seconds how long to send
   * @param expectedStatus the status a good response has
   * @return what was measured
   * @throws IOException if the selector cannot be opened or a connection refused
   */
  static Result run(
      int port, String path, List<String> bodies, int connections, int seconds, int expectedStatus)
      throws IOException {
    byte[][] requests = new byte[bodies.size()][];
    for (int i = 0; i < requests.length; i++) {
      byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
      String head =
          String.format(
              Locale.ROOT,
              "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type:"
                  + " application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n",
              path,
              port,
              body.length);
      byte[] h = head.getBytes(StandardCharsets.US_ASCII);
      requests[i] = Arrays.copyOf(h, h.length + body.length);
      System.arraycopy(body, 0, requests[i], h.length, body.length);
    }
    long[] latencies = new long[Math.max(1_000, seconds * 50_000)];
    int ok = 0;
    long errors = 0;
    int next = 0;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    try (Selector selector = Selector.open()) {
      int open = 0;
      for (int c = 0; c < connections; c++) {
        SocketChannel ch =
            SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ch.configureBlocking(false);
        Conn conn = new Conn(ch);
        conn.send(requests[next++ % requests.length], selector);
        open++;
      }
      while (open > 0 && System.nanoTime() < end + 30_000_000_000L) {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          Conn conn = (Conn) key.attachment();
          int status = conn.progress(key);
          if (status == 0) {
            continue;
          }
          long dt = System.nanoTime() - conn.sentAt;
          if (status == expectedStatus) {
            if (ok < latencies.length) {
              latencies[ok] = dt;
            }
            ok++;
          } else {
            errors++;
          }
          if (status < 0 || System.nanoTime() >= end) {
            key.cancel();
            conn.channel.close();
            open--;
          } else {
            conn.send(requests[next++ % requests.length], selector);
          }
        }
        selector.selectedKeys().clear();
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(latencies, Math.min(ok, latencies.length));
    Arrays.sort(sorted);
    return new Result(ok, errors, elapsed, ImmutableLongArray.copyOf(sorted));
  }

  /** One keep-alive connection: the request being written, the response being read. */
  private static final class Conn {
    final SocketChannel channel;
    ByteBuffer out = ByteBuffer.allocate(0);
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    long sentAt;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }

    void send(byte[] request, Selector selector) throws IOException {
      out = ByteBuffer.wrap(request);
      in.clear();
      sentAt = System.nanoTime();
      channel.write(out);
      channel.register(
          selector, out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ, this);
    }

    /** Returns 0 while the response is incomplete, its status when complete, -1 on failure. */
    int progress(SelectionKey key) throws IOException {
      if (key.isWritable()) {
        channel.write(out);
        if (!out.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ);
        }
        return 0;
      }
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      if (channel.read(in) < 0) {
        return -1;
      }
      return complete();
    }

    private int complete() {
      byte[] a = in.array();
      int n = in.position();
      String text = new String(a, 0, n, StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        return 0;
      }
      String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
      int status = Integer.parseInt(head.substring(9, 12));
      int bodyStart = headEnd + 4;
      int cl = head.indexOf("\r\ncontent-length:");
      if (cl >= 0) {
        int eol = head.indexOf("\r\n", cl + 2);
        int length =
            Integer.parseInt(head.substring(cl + 17, eol < 0 ? head.length() : eol).trim());
        return n >= bodyStart + length ? status : 0;
      }
      if (head.contains("transfer-encoding: chunked")) {
        return text.startsWith("0\r\n\r\n", bodyStart) || text.endsWith("\r\n0\r\n\r\n")
            ? status
            : 0;
      }
      return status; // no body
    }
  }
}
