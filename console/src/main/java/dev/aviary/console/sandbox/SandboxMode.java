package dev.aviary.console.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one definition of sandbox mode: neither a kubeconfig nor in-cluster is set. Read by the conditions of
 * {@link ConditionalOnSandbox} and {@code ConditionalOnConfiguredCluster}, and by {@link SandboxDefaults} before any
 * bean exists.
 */
public final class SandboxMode {

  private SandboxMode() {
  }

  public static boolean active(PropertyResolver settings) {
    return settings.getProperty("aviary.cluster.kubeconfig", "").isEmpty()
        && !settings.getProperty("aviary.cluster.in-cluster", Boolean.class, false);
  }

  /** Matches on the sandbox. */
  static final class OnSandbox implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return active(context.getEnvironment());
    }
  }

  /** Matches when a real cluster is configured. */
  public static final class OnConfiguredCluster implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !active(context.getEnvironment());
    }
  }
}
