package dev.aviary.testsupport.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The commands a real node is set up and taken down with (ctr, podman, kubectl, ip), run to their end. */
final class NodeCommands {

  private static final Duration LONGEST = Duration.ofMinutes(5);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private NodeCommands() {
  }

  record Result(List<String> command, int exit, String output) {

    boolean ok() {
      return exit == 0;
    }

    Result orThrow(String what) {
      if (!ok()) {
        throw new IllegalStateException(what + " failed: " + String.join(" ", command) + " exited " + exit + ":\n"
            + output);
      }
      return this;
    }
  }

  /** Runs {@code command}, its output and errors together; a command that runs past five minutes is killed. */
  static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(command, -1, "still running after " + LONGEST);
      }
      return new Result(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }

  /** Whether {@code url} answers 200 (a process's health endpoint). */
  static boolean answers(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Polls {@code done} every 100 ms; past {@code timeout} fails with {@code diagnosis} (a log's last lines). */
  static void await(String what, Duration timeout, BooleanSupplier done, Supplier<String> diagnosis)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("no " + what + " within " + timeout + "\n" + diagnosis.get());
      }
      ControlPlane.pause();
    }
  }
}
