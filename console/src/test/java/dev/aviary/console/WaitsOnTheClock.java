package dev.aviary.console;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that spends its time waiting on the wall clock (a judge gathering evidence step after step, a Lease
 * running out), with the machine mostly idle. Such classes run in a second lane beside all the others
 * ({@code junit-platform.properties}: two threads in all), one at a time: two release rigs at once, each with its
 * platform-app processes, Prometheus and consoles, starved each other (Prometheus did not see a new version's
 * process up within 20 s in CI when the first lane, done with its own classes, took one while another ran).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(WaitsOnTheClock.LANE)
public @interface WaitsOnTheClock {

  /** The lock every such class holds while it runs. */
  String LANE = "the wall-clock lane";
}
