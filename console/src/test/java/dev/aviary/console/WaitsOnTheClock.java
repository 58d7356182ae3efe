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
 * running out), with the machine mostly idle. Such classes run in a second lane beside all the others, one at a time
 * ({@code junit-platform.properties}): a release rig's wait costs the build nothing while the first lane works.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(WaitsOnTheClock.LANE)
public @interface WaitsOnTheClock {

  /** The lock every such class holds while it runs, so that the second lane runs them one after another. */
  String LANE = "the wall-clock lane";
}
