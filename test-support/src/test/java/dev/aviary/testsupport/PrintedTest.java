package dev.aviary.testsupport;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintedTest {

  @Test
  void a_benchmark_sees_what_it_printed_and_standard_output_is_back_afterwards() throws Exception {
    PrintStream before = System.out;

    String printed = Printed.by(() -> System.out.println("p50 12 ms"));

    assertEquals("p50 12 ms" + System.lineSeparator(), printed);
    assertSame(before, System.out);
  }

  @Test
  void two_benchmarks_printing_at_once_each_see_their_lines_and_the_first_to_finish_does_not_take_the_stream_along()
      throws Exception {
    PrintStream before = System.out;
    CountDownLatch bothOpen = new CountDownLatch(2);
    CountDownLatch firstDone = new CountDownLatch(1);
    ExecutorService twoThreads = Executors.newFixedThreadPool(2);

    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> capture(() -> {
      bothOpen.countDown();
      bothOpen.await(10, TimeUnit.SECONDS);
      System.out.println("first figure");
    }), twoThreads);
    CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> capture(() -> {
      bothOpen.countDown();
      bothOpen.await(10, TimeUnit.SECONDS);
      firstDone.await(10, TimeUnit.SECONDS);
      System.out.println("second figure");
    }), twoThreads);
    String firstPrinted = first.get(10, TimeUnit.SECONDS);
    firstDone.countDown();
    String secondPrinted = second.get(10, TimeUnit.SECONDS);

    assertTrue(firstPrinted.contains("first figure"), firstPrinted);
    assertTrue(secondPrinted.contains("first figure") && secondPrinted.contains("second figure"), secondPrinted);
    assertSame(before, System.out);
    twoThreads.shutdown();
  }

  private static String capture(Printed.Run run) {
    try {
      return Printed.by(run);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
