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
    CyclicBarrier start = new CyclicBarrier(requests.size());
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (Supplier<T> request : requests) {
        Callable<T> call =
            () -> {
              start.await();
              return request.get();
            };
        answers.add(pool.submit(call));
      }
      List<T> responses = new ArrayList<>();
      for (Future<T> answer : answers) {
        responses.add(answer.get(30, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
