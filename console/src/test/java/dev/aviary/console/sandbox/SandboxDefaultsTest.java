package dev.aviary.console.sandbox;

import dev.aviary.console.KaribuTest;
import dev.aviary.console.release.ReleasePlan;
import dev.aviary.console.release.ReleaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxDefaultsTest extends KaribuTest {

  @Autowired
  ReleaseService releases;

  @Test
  void a_console_on_its_sandbox_plans_releases_with_the_quick_defaults() {
    ReleasePlan plan = releases.planFor("webapi");

    assertThat(plan.stepDuration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(plan.warmWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(plan.limits().minRequests()).isEqualTo(10);
    assertThat(plan.steps()).extracting(dev.aviary.console.release.PlanStep::spelled)
        .containsExactly(5, 10, 25, 50, 100);
  }

  @Test
  void the_sandbox_gets_a_quick_release_plan_that_any_setting_still_overrides() {
    MockEnvironment sandbox = new MockEnvironment().withProperty("aviary.cluster.kubeconfig", "")
        .withProperty("aviary.releases.plan.min-requests", "50");

    new SandboxDefaults().postProcessEnvironment(sandbox, new SpringApplication());

    assertThat(sandbox.getProperty("aviary.releases.plan.step-duration")).isEqualTo("20s");
    assertThat(sandbox.getProperty("aviary.releases.plan.warm-window")).isEqualTo("1m");
    assertThat(sandbox.getProperty("aviary.releases.plan.min-requests")).isEqualTo("50");
  }

  @Test
  void a_real_cluster_keeps_the_production_defaults() {
    MockEnvironment kubeconfig = new MockEnvironment().withProperty("aviary.cluster.kubeconfig", "/etc/kubeconfig");
    MockEnvironment inCluster = new MockEnvironment().withProperty("aviary.cluster.in-cluster", "true");

    new SandboxDefaults().postProcessEnvironment(kubeconfig, new SpringApplication());
    new SandboxDefaults().postProcessEnvironment(inCluster, new SpringApplication());

    assertThat(kubeconfig.getProperty("aviary.releases.plan.step-duration")).isNull();
    assertThat(inCluster.getProperty("aviary.releases.plan.step-duration")).isNull();
  }
}
