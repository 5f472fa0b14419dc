package org.gridgov.server;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridgov.store.jdbc.EventStore;
import org.gridgov.store.jdbc.PositionedEvent;

/**
 * Follows the store's event log (its outbox, {@link EventStore#readFrom}) on a store of its own
 * (one connection) and feeds the {@link CaseProjection}; every batch of changed cases goes to the
 * listeners (the dashboard's Server-Sent Events). A daemon thread polls every 100 ms or when woken;
 * readers that need the latest state call {@link #catchUp()}.
 */
final class EventFeed implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventFeed.class.getName());
  private static final int BATCH = 5_000;

  private final EventStore store;
  private final CaseProjection projection;
  private final List<Consumer<List<CaseView>>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final Object wake = new Object();
  private volatile boolean running = true;

  EventFeed(EventStore store, CaseProjection projection) {
    this.store = store;
    this.projection = projection;
    this.thread = new Thread(this::run, "gridgov-event-feed");
    this.thread.setDaemon(true);
  }

  /** Starts following the log (after a first full catch-up on the caller's thread). */
  void start() {
    catchUp();
    thread.start();
  }

  /** Adds a listener of changed cases. */
  void listen(Consumer<List<CaseView>> listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  void unlisten(Consumer<List<CaseView>> listener) {
    listeners.remove(listener);
  }

  /** Wakes the thread: new events were written. */
  void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /**
   * Reads and applies everything stored so far.
   *
   * @return the number of events applied
   */
  synchronized int catchUp() {
    int total = 0;
    while (true) {
      ImmutableList<PositionedEvent> events = store.readFrom(projection.position() + 1, BATCH);
      if (events.isEmpty()) {
        return total;
      }
      total += events.size();
      List<CaseView> changed = projection.apply(events);
      for (Consumer<List<CaseView>> l : listeners) {
        try {
          l.accept(changed);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a feed listener failed", e);
        }
      }
    }
  }

  private void run() {
    while (running) {
      try {
        var unused = catchUp();
        synchronized (wake) {
          wake.wait(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "following the event log failed; retrying", e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      store.close();
    }
  }
}
