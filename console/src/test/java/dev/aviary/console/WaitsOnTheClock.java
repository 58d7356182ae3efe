package dev.aviary.console;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that spends its time waiting on the wall clock (a judge gathering evidence step after step, a Lease
 * running out), with the machine mostly idle. Such classes run in a second lane beside all the others
 * ({@code junit-platform.properties}: two threads in all): the second thread takes them one after another while the
 * first works through the rest, and the first takes those still waiting once it is done, so both lanes end together.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Execution(ExecutionMode.CONCURRENT)
public @interface WaitsOnTheClock {
}
