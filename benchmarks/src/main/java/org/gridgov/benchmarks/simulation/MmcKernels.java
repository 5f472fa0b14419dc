package org.gridgov.benchmarks.simulation;

import java.util.SplittableRandom;
import org.gridgov.simulation.internal.EventList;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Sim;

/**
 * The same M/M/c queue simulated by two kernels, for {@link KernelBenchmark}: gridgov's {@link EventList} (times in
 * whole milliseconds, events as primitives) and SSJ's {@link Sim} with {@link Event} objects (times as doubles, as
 * in SSJ's own queue examples). Both serve {@code customers} customers first come first served and draw
 * inter-arrival and service times from {@link SplittableRandom}s seeded alike, so they simulate the same model with
 * the same amount of randomness; only the kernel differs. Each run handles exactly {@code 2 × customers} events
 * (one arrival and one departure per customer) and returns the mean wait in hours.
 */
public final class MmcKernels {
  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;
  private static final double MS_PER_HOUR = 3_600_000.0;

  private MmcKernels() {}

  /**
   * Simulates with gridgov's event list.
   *
   * @param lambda arrivals per hour
   * @param mu services per hour per server
   * @param servers c
   * @param customers how many customers arrive
   * @param seed the seed of both streams
   * @return the mean wait in hours
   */
  public static double gridgov(double lambda, double mu, int servers, int customers, long seed) {
    SplittableRandom arrivals = new SplittableRandom(seed);
    SplittableRandom services = new SplittableRandom(seed + 1);
    EventList events = new EventList(1024);
    long[] queue = new long[1024]; // arrival times of waiting customers, a ring buffer
    int head = 0;
    int size = 0;
    int busy = 0;
    int arrived = 1;
    double waitSum = 0;
    events.schedule(ms(exp(arrivals, lambda)), ARRIVAL, 0);
    while (!events.isEmpty()) {
      events.poll();
      long now = events.time();
      if (events.kind() == ARRIVAL) {
        if (arrived < customers) {
          arrived++;
          events.schedule(now + ms(exp(arrivals, lambda)), ARRIVAL, 0);
        }
        if (busy < servers) {
          busy++;
          events.schedule(now + ms(exp(services, mu)), DEPARTURE, 0);
        } else {
          if (size == queue.length) {
            long[] bigger = new long[queue.length * 2];
            for (int i = 0; i < size; i++) {
              bigger[i] = queue[(head + i) & (queue.length - 1)];
            }
            queue = bigger;
            head = 0;
          }
          queue[(head + size) & (queue.length - 1)] = now;
          size++;
        }
      } else if (size > 0) {
        waitSum += now - queue[head];
        head = (head + 1) & (queue.length - 1);
        size--;
        events.schedule(now + ms(exp(services, mu)), DEPARTURE, 0);
      } else {
        busy--;
      }
    }
    return waitSum / MS_PER_HOUR / customers;
  }

  /**
   * Simulates with SSJ's default event list and event objects, as in SSJ's queue examples: one reused arrival
   * event, a new departure event per service.
   *
   * @param lambda arrivals per hour
   * @param mu services per hour per server
   * @param servers c
   * @param customers how many customers arrive
   * @param seed the seed of both streams
   * @return the mean wait in hours
   */
  public static double ssj(double lambda, double mu, int servers, int customers, long seed) {
    return new SsjModel(lambda, mu, servers, customers, seed).run();
  }

  private static double exp(SplittableRandom r, double ratePerHour) {
    return -Math.log(1.0 - r.nextDouble()) / ratePerHour;
  }

  private static long ms(double hours) {
    return Math.round(hours * MS_PER_HOUR);
  }

  /** SSJ's M/M/c, in the style of its {@code QueueEv} example. */
  private static final class SsjModel {
    private final double lambda;
    private final double mu;
    private final int servers;
    private final int customers;
    private final SplittableRandom arrivals;
    private final SplittableRandom services;
    private final java.util.ArrayDeque<Double> queue = new java.util.ArrayDeque<>();
    private int busy;
    private int arrived;
    private double waitSum;

    SsjModel(double lambda, double mu, int servers, int customers, long seed) {
      this.lambda = lambda;
      this.mu = mu;
      this.servers = servers;
      this.customers = customers;
      this.arrivals = new SplittableRandom(seed);
      this.services = new SplittableRandom(seed + 1);
    }

    double run() {
      Sim.init();
      Arrival next = new Arrival();
      arrived = 1;
      next.schedule(exp(arrivals, lambda));
      Sim.start();
      return waitSum / customers;
    }

    private final class Arrival extends Event {
      @Override
      public void actions() {
        if (arrived < customers) {
          arrived++;
          schedule(exp(arrivals, lambda));
        }
        if (busy < servers) {
          busy++;
          new Departure().schedule(exp(services, mu));
        } else {
          queue.addLast(Sim.time());
        }
      }
    }

    private final class Departure extends Event {
      @Override
      public void actions() {
        Double arrivedAt = queue.pollFirst();
        if (arrivedAt != null) {
          waitSum += Sim.time() - arrivedAt;
          new Departure().schedule(exp(services, mu));
        } else {
          busy--;
        }
      }
    }
  }
}
