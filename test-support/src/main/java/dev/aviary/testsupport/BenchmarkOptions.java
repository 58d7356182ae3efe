package dev.aviary.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's options: its command-line arguments and the {@code bench.args} property, which Maven's
 * {@code -Dbench.args="--small ..."} hands over as one string.
 */
public final class BenchmarkOptions {

  private BenchmarkOptions() {
  }

  public static List<String> of(String[] args) {
    List<String> options = new ArrayList<>(List.of(args));
    String property = System.getProperty("bench.args", "").trim();
    if (!property.isEmpty()) {
      options.addAll(List.of(property.split("\\s+")));
    }
    return options;
  }
}
