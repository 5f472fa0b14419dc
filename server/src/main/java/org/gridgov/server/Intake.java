package org.gridgov.server;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.store.jdbc.CommandOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Turns accepted Open311 requests into cases: one writer thread takes the waiting requests (up to
 * {@value #MAX_BATCH} at a time) and runs, for each, report → verify → register → dispatch by
 * policy (the command centre accepts app reports at once: 受理) in one {@link
 * org.gridgov.store.jdbc.DurableCaseEngine#executeAll(List,
 * org.gridgov.store.jdbc.SameTransaction)} call that stores the requests' rows in the same
 * transaction: one commit serves many concurrent callers (group commit), each answered only after
 * it, and a case is never stored without its request's row nor a row without its case.
 */
final class Intake implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Intake.class.getName());

  /** The most requests one engine call carries (4 commands each; the engine takes 1,000). */
  static final int MAX_BATCH = 250;

  private final GridgovServer server;
  private final RequestRepository repository;
  private final Principal centre;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
  private final AtomicLong nextId;
  private final SecureRandom random = new SecureRandom();
  private final Thread thread;
  private volatile boolean running = true;

  /** A validated request waiting for its case. */
  record Report(
      String serviceCode,
      Priority priority,
      double lat,
      double lon,
      long gridCode,
      @Nullable String address,
      @Nullable String description,
      @Nullable String mediaUrl,
      PersonalFields personal,
      String submitter) {}

  private record Pending(Report report, CompletableFuture<RequestRecord> done) {}

  Intake(GridgovServer server, RequestRepository repository, long lastId, long districtCode) {
    this.server = server;
    this.repository = repository;
    this.centre = Principal.inRegion("open311-intake", Role.DISPATCHER, districtCode);
    this.nextId = new AtomicLong(lastId + 1);
    this.thread = new Thread(this::run, "gridgov-intake");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues a request.
   *
   * @param report the validated request
   * @return its record once stored, or the refusal
   * @throws Open311Exception (503) if the queue is full
   */
  CompletableFuture<RequestRecord> submit(Report report) {
    Pending p = new Pending(report, new CompletableFuture<>());
    if (!queue.offer(p)) {
      throw new Open311Exception(503, "the intake queue is full: retry later");
    }
    return p.done();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "an intake batch of " + batch.size() + " failed", e);
        for (Pending p : batch) {
          p.done().completeExceptionally(e);
        }
      }
      batch.clear();
    }
  }

  private void write(List<Pending> batch) {
    List<RequestRecord> records = new ArrayList<>(batch.size());
    List<RequestRepository.Submission> stored = new ArrayList<>(batch.size());
    List<Pending> accepted = new ArrayList<>(batch.size());
    ImmutableList<CommandOutcome> outcomes =
        server.executeAt(
            at -> {
              List<Command> commands = new ArrayList<>(batch.size() * 4);
              for (Pending p : batch) {
                RequestRecord r = record(p.report(), at);
                records.add(r);
                server.projection().register(r);
                commands.addAll(commands(r, p.report()));
              }
              return commands;
            },
            (connection, done) -> {
              for (int i = 0; i < batch.size(); i++) {
                if (done.get(i * 4).refusal().isEmpty()) {
                  stored.add(
                      new RequestRepository.Submission(
                          records.get(i), batch.get(i).report().personal()));
                  accepted.add(batch.get(i));
                }
              }
              repository.insertAll(connection, stored);
            });
    for (int i = 0; i < batch.size(); i++) {
      CommandOutcome report = outcomes.get(i * 4);
      if (report.refusal().isPresent()) {
        batch
            .get(i)
            .done()
            .completeExceptionally(
                Open311Exception.badRequest(
                    "the request was refused: "
                        + String.valueOf(report.refusal().get().getMessage())));
      }
    }
    for (int i = 0; i < accepted.size(); i++) {
      accepted.get(i).done().complete(stored.get(i).record());
    }
    server.feed().wake();
  }

  private RequestRecord record(Report r, Instant at) {
    long id = nextId.getAndIncrement();
    byte[] token = new byte[12];
    random.nextBytes(token);
    return new RequestRecord(
        id,
        HexFormat.of().formatHex(token),
        CaseId.of("311-" + id),
        r.serviceCode(),
        r.description(),
        r.lat(),
        r.lon(),
        r.address(),
        r.mediaUrl(),
        at,
        r.gridCode());
  }

  private List<Command> commands(RequestRecord r, Report report) {
    CaseFacts facts =
        CaseFacts.builder()
            .id(r.caseId())
            .categoryCode(r.serviceCode())
            .priority(report.priority())
            .kind(CaseKind.IMMEDIATE)
            .source(CaseSource.APP)
            .locationCodes(ImmutableLongArray.of(r.gridCode()))
            .build();
    String c = "o311-" + r.id();
    Instant at = r.requestedAt();
    return List.of(
        Command.of(
            c + "-report",
            Principal.resident(report.submitter()),
            r.caseId(),
            at,
            new Command.Report(facts)),
        Command.of(c + "-verify", centre, r.caseId(), at, new Command.Verify(true, "")),
        Command.of(c + "-register", centre, r.caseId(), at, new Command.Register()),
        Command.of(c + "-dispatch", centre, r.caseId(), at, Command.Dispatch.byPolicy()));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
