package dev.aviary.console.statistics;

/** A range a quantity lies in, with the confidence of the method that gave it. */
public record Interval(double lower, double upper) {

  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("an interval's lower end must not be above its upper, got " + lower + ", "
          + upper);
    }
  }

  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }
}
