package dev.aviary.console.metrics;

/**
 * One figure, or the honest reason there is none. Nothing here is ever reported as zero for want of data: a
 * version without requests has {@link NoData}, a query that could not be answered has {@link Failed}.
 */
public sealed interface Reading {

  record Value(double value) implements Reading {
  }

  /** Measured, but there is nothing to show: no series, no requests in the window (NaN). */
  record NoData(String why) implements Reading {
  }

  /** Could not measure: the source did not answer, refused the query, or answered something unusable. */
  record Failed(String why) implements Reading {
  }

  default boolean present() {
    return this instanceof Value;
  }
}
