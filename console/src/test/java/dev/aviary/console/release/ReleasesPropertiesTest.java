package dev.aviary.console.release;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The release settings: a default strategy per service, each strategy's steps, and settings that cannot be. */
class ReleasesPropertiesTest {

  static ReleasesProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("aviary.releases",
        ReleasesProperties.class);
  }

  @Test
  void without_settings_a_release_is_a_canary_and_the_other_strategies_have_their_own_steps() {
    ReleasesProperties properties = bind(Map.of());

    assertThat(properties.strategyFor("webapi")).isEqualTo(ReleaseStrategy.CANARY);
    assertThat(properties.planFor("webapi").describeSteps()).isEqualTo("5% → 10% → 25% → 50% → 100%");
    assertThat(properties.planFor("webapi", ReleaseStrategy.MIRRORED_CANARY).describeSteps())
        .isEqualTo("mirror 20% → 10% → 25% → 50% → 100%");
    assertThat(properties.planFor("webapi", ReleaseStrategy.BLUE_GREEN).describeSteps()).isEqualTo("preview → 100%");
  }

  @Test
  void a_service_can_default_to_blue_green_and_keeps_the_shared_timing() {
    ReleasesProperties properties = bind(Map.of("aviary.releases.plan.step-duration", "45s",
        "aviary.releases.services.webapi.strategy", "blueGreen"));

    assertThat(properties.strategyFor("webapi")).isEqualTo(ReleaseStrategy.BLUE_GREEN);
    assertThat(properties.strategyFor("document-processor")).isEqualTo(ReleaseStrategy.CANARY);
    assertThat(properties.planFor("webapi").strategy()).isEqualTo(ReleaseStrategy.BLUE_GREEN);
    assertThat(properties.planFor("webapi").stepDuration()).hasSeconds(45);
  }

  @Test
  void canary_steps_that_mirror_are_refused_naming_the_setting_to_use() {
    assertThatThrownBy(() -> bind(Map.of("aviary.releases.plan.steps", "mirror:20,50,100")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("aviary.releases.plan: steps [mirror 20%, 50%, "
            + "100%] make a mirroredCanary release, not a canary one; set mirror steps as mirrored-steps");
    assertThatThrownBy(() -> bind(Map.of("aviary.releases.services.webapi.mirrored-steps", "10,100")))
        .hasStackTraceContaining("aviary.releases.services.webapi: mirrored-steps [10%, 100%] make a canary "
            + "release, not a mirroredCanary one");
  }

  @Test
  void an_unknown_strategy_is_refused_listing_the_strategies() {
    assertThatThrownBy(() -> bind(Map.of("aviary.releases.plan.strategy", "rolling")))
        .hasStackTraceContaining("aviary.releases.plan: strategy 'rolling' is none of [canary, mirroredCanary, "
            + "blueGreen]");
  }
}
