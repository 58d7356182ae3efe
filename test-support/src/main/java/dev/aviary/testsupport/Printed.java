package dev.aviary.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a benchmark prints while it runs, for the tests that run its small size in every build (a benchmark that no
 * longer starts fails the build); it is printed through as well.
 */
public final class Printed {

  /** A benchmark's run: prints its figures, throws where it cannot go on. */
  public interface Run {
    void run() throws Exception;
  }

  private Printed() {
  }

  public static String by(Run run) throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    out.print(text);
    return text;
  }
}
