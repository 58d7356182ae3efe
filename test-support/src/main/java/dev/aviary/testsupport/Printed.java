package dev.aviary.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a benchmark prints while it runs, for the tests that run its small size in every build (a benchmark that no
 * longer starts fails the build); it is printed through as well. Two benchmarks may run at once (the console's tests
 * run in two lanes): while any capture is open, standard output goes to the original stream and to every open
 * capture, so each sees at least its own lines and the original stream is put back once the last one closes.
 */
public final class Printed {

  /** A benchmark's run: prints its figures, throws where it cannot go on. */
  public interface Run {
    void run() throws Exception;
  }

  private static final List<ByteArrayOutputStream> CAPTURES = new CopyOnWriteArrayList<>();
  private static PrintStream original;

  private Printed() {
  }

  public static String by(Run run) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    open(printed);
    try {
      run.run();
    } finally {
      close(printed);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static synchronized void open(ByteArrayOutputStream capture) {
    if (CAPTURES.isEmpty()) {
      original = System.out;
      System.setOut(new PrintStream(new Tee(original), true, StandardCharsets.UTF_8));
    }
    CAPTURES.add(capture);
  }

  private static synchronized void close(ByteArrayOutputStream capture) {
    CAPTURES.remove(capture);
    if (CAPTURES.isEmpty()) {
      System.out.flush();
      System.setOut(original);
    }
  }

  /** The original stream and every open capture. */
  private static final class Tee extends OutputStream {
    private final PrintStream through;

    Tee(PrintStream through) {
      this.through = through;
    }

    @Override
    public void write(int b) {
      through.write(b);
      CAPTURES.forEach(capture -> capture.write(b));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      through.write(bytes, offset, length);
      CAPTURES.forEach(capture -> capture.write(bytes, offset, length));
    }

    @Override
    public void flush() throws IOException {
      through.flush();
    }
  }
}
