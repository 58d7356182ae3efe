package dev.aviary.console.sandbox;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Active when a real cluster is configured (a kubeconfig, or in-cluster): the opposite of the sandbox. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SandboxMode.OnConfiguredCluster.class)
public @interface ConditionalOnConfiguredCluster {
}
