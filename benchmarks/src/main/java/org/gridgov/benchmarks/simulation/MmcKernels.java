package org.gridgov.benchmarks.simulation;

import java.util.SplittableRandom;
import org.gridgov.simulation.internal.EventList;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Sim;

/**
 * The same M/M/c queue simulated by two kernels, for {@link KernelBenchmark}: gridgov's {@link
 * EventList} (times in whole milliseconds, events as primitives) and SSJ's {@link Sim} with {@link
 * Event} objects (times as doubles, as in SSJ's own queue examples). Both serve {@code customers}
 * customers first come first served and draw inter-arrival and service times from {@link
 * SplittableRandom}s seeded alike, so they simulate the same model with the same amount of
 * randomness; only the kernel differs. Each run handles exactly {@code 2 × customers} events (one
 * arrival and one departure per customer) and returns the mean wait in hours.
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
   * Simulates with SSJ's default event list and event objects, as in SSJ's queue examples: one
   * reused arrival event, a new departure event per service.
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

  /**
   * Pre-drawn variates for {@link #gridgov(Variates, int)} and {@link #ssj(Variates, int)}: the
   * same exponential inter-arrival and service times for both kernels, in each kernel's own time
   * unit (milliseconds for gridgov, hours for SSJ), so that a run measures the kernel and not the
   * random-number generator.
   */
  public static final class Variates {
    final long[] interarrivalMillis;
    final long[] serviceMillis;
    final double[] interarrivalHours;
    final double[] serviceHours;

    private Variates(
        long[] interarrivalMillis,
        long[] serviceMillis,
        double[] interarrivalHours,
        double[] serviceHours) {
      this.interarrivalMillis = interarrivalMillis;
      this.serviceMillis = serviceMillis;
      this.interarrivalHours = interarrivalHours;
      this.serviceHours = serviceHours;
    }

    /**
     * Draws the variates of {@code customers} customers.
     *
     * @param lambda arrivals per hour
     * @param mu services per hour per server
     * @param customers how many
     * @param seed the seed
     * @return the variates
     */
    public static Variates draw(double lambda, double mu, int customers, long seed) {
      SplittableRandom arrivals = new SplittableRandom(seed);
      SplittableRandom services = new SplittableRandom(seed + 1);
      long[] am = new long[customers];
      long[] sm = new long[customers];
      double[] ah = new double[customers];
      double[] sh = new double[customers];
      for (int i = 0; i < customers; i++) {
        am[i] = ms(exp(arrivals, lambda));
        ah[i] = am[i] / MS_PER_HOUR;
        sm[i] = ms(exp(services, mu));
        sh[i] = sm[i] / MS_PER_HOUR;
      }
      return new Variates(am, sm, ah, sh);
    }
  }

  /**
   * Simulates with gridgov's event list and pre-drawn variates.
   *
   * @param v the variates (one customer per element)
   * @param servers c
   * @return the mean wait in hours
   */
  public static double gridgov(Variates v, int servers) {
    long[] ia = v.interarrivalMillis;
    long[] sv = v.serviceMillis;
    int customers = ia.length;
    EventList events = new EventList(1024);
    long[] queue = new long[1024];
    int head = 0;
    int size = 0;
    int busy = 0;
    int arrived = 1;
    int started = 0;
    double waitSum = 0;
    events.schedule(ia[0], ARRIVAL, 0);
    while (!events.isEmpty()) {
      events.poll();
      long now = events.time();
      if (events.kind() == ARRIVAL) {
        if (arrived < customers) {
          events.schedule(now + ia[arrived++], ARRIVAL, 0);
        }
        if (busy < servers) {
          busy++;
          events.schedule(now + sv[started++], DEPARTURE, 0);
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
        events.schedule(now + sv[started++], DEPARTURE, 0);
      } else {
        busy--;
      }
    }
    return waitSum / MS_PER_HOUR / customers;
  }

  /**
   * Simulates with SSJ's kernel and pre-drawn variates, as {@link #ssj(double, double, int, int,
   * long)}.
   *
   * @param v the variates
   * @param servers c
   * @return the mean wait in hours
   */
  public static double ssj(Variates v, int servers) {
    return new SsjPredrawn(v, servers).run();
  }

  /** SSJ's M/M/c over pre-drawn variates. */
  private static final class SsjPredrawn {
    private final double[] ia;
    private final double[] sv;
    private final int servers;
    private final java.util.ArrayDeque<Double> queue = new java.util.ArrayDeque<>();
    private int busy;
    private int arrived;
    private int started;
    private double waitSum;

    SsjPredrawn(Variates v, int servers) {
      this.ia = v.interarrivalHours;
      this.sv = v.serviceHours;
      this.servers = servers;
    }

    double run() {
      Sim.init();
      arrived = 1;
      new PredrawnArrival().schedule(ia[0]);
      Sim.start();
      return waitSum / ia.length;
    }

    private final class PredrawnArrival extends Event {
      @Override
      public void actions() {
        if (arrived < ia.length) {
          schedule(ia[arrived++]);
        }
        if (busy < servers) {
          busy++;
          new PredrawnDeparture().schedule(sv[started++]);
        } else {
          queue.addLast(Sim.time());
        }
      }
    }

    private final class PredrawnDeparture extends Event {
      @Override
      public void actions() {
        Double arrivedAt = queue.pollFirst();
        if (arrivedAt != null) {
          waitSum += Sim.time() - arrivedAt;
          new PredrawnDeparture().schedule(sv[started++]);
        } else {
          busy--;
        }
      }
    }
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
