package dev.gatehouse.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Requests sent at once, each from its own thread, for the race tests. */
public final class Together {

  private Together() {}

  /** The answers to the same request sent from {@code threads} threads released together. */
  public static <T> List<T> send(Supplier<T> request, int threads) throws Exception {
    return send(Collections.nCopies(threads, request));
  }

  /**
   * The answers to the requests, in their order, each sent from its own thread, all released
   * together; each must come within 30 s.
   */
  public static <T> List<T> send(List<Supplier<T>> requests) throws Exception {
    return sendTimed(requests).answers();
  }

  /** {@link #send(Supplier, int)}, with when each request was in flight. */
  public static <T> Sent<T> sendTimed(Supplier<T> request, int threads) throws Exception {
    return sendTimed(Collections.nCopies(threads, request));
  }

  /** {@link #send(List)}, with when each request was in flight. */
  public static <T> Sent<T> sendTimed(List<Supplier<T>> requests) throws Exception {
    CyclicBarrier start = new CyclicBarrier(requests.size());
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<Timed<T>>> answers = new ArrayList<>();
      for (Supplier<T> request : requests) {
        Callable<Timed<T>> call =
            () -> {
              start.await();
              long sent = System.nanoTime();
              T answer = request.get();
              return new Timed<>(answer, sent, System.nanoTime());
            };
        answers.add(pool.submit(call));
      }
      List<Timed<T>> timed = new ArrayList<>();
      for (Future<Timed<T>> answer : answers) {
        timed.add(answer.get(30, TimeUnit.SECONDS));
      }
      return new Sent<>(timed);
    } finally {
      pool.shutdownNow();
    }
  }

  /** An answer, and when its request was sent and answered (System.nanoTime). */
  public record Timed<T>(T answer, long sent, long answered) {}

  /** The answers to requests sent together, and how many of them were in flight at once. */
  public record Sent<T>(List<Timed<T>> timed) {

    public List<T> answers() {
      return timed.stream().map(Timed::answer).toList();
    }

    /**
     * The most requests in flight at one moment: sent, not yet answered. 1 means they went one
     * after another, so no race took place (at least at HTTP; the server may still serialize them).
     */
    public int mostInFlight() {
      int most = 0;
      for (Timed<T> at : timed) {
        long moment = at.sent();
        int inFlight =
            (int) timed.stream().filter(t -> t.sent() <= moment && moment < t.answered()).count();
        most = Math.max(most, inFlight);
      }
      return most;
    }
  }
}
