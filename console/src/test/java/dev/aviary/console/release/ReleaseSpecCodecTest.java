package dev.aviary.console.release;

import dev.aviary.console.analysis.Judgment;
import dev.aviary.console.gitops.ManifestReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A release's spec as Aviary writes it to Git and reads it back from the cluster's copy. */
class ReleaseSpecCodecTest {

  static final ReleasePlan PLAN = ReleaseMachineTest.plan(List.of(PlanStep.of("mirror:20"),
      PlanStep.of("cookie:aviary-canary=always"), PlanStep.of(25), PlanStep.of(100)),
      ReleaseMachineTest.judgedBy(Judgment.Method.SEQUENTIAL));

  @SuppressWarnings("unchecked")
  static Map<String, Object> specIn(String manifest) {
    return (Map<String, Object>) ManifestReader.parse("release.yaml", manifest).getFirst().get("spec");
  }

  @Test
  void a_plan_with_mirror_and_match_steps_is_written_as_numbers_and_text_and_read_back_the_same() {
    ReleaseSpec spec = new ReleaseSpec("webapi", "v1", "v2", "ghcr.io/aviary-dev/platform-app:1.1.0", PLAN, "Ada",
        null);

    String manifest = ReleaseManifest.text(spec, "document-processing");

    assertThat(manifest).contains("- mirror:20", "- cookie:aviary-canary=always", "- 25", "- 100");
    assertThat(ReleaseSpecCodec.fromMap(specIn(manifest))).isEqualTo(spec);
  }

  @Test
  void a_step_that_cannot_be_read_is_refused_with_its_place() {
    String manifest = ReleaseManifest.text(new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", PLAN, "Ada",
        null), "document-processing").replace("- cookie:aviary-canary=always", "- canary:yes");

    assertThatThrownBy(() -> ReleaseSpecCodec.fromMap(specIn(manifest)))
        .hasMessageStartingWith("spec.plan.steps[1]: step 'canary:yes' must be a weight (5), a request match");
  }

  @Test
  void a_blue_green_release_says_its_strategy_beside_its_steps_and_reads_back_the_same() {
    ReleaseSpec spec = new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", BlueGreenMachineTest.PLAN, "Ada",
        null);

    String manifest = ReleaseManifest.text(spec, "document-processing");

    assertThat(manifest).contains("strategy: blueGreen\n    steps:\n    - preview\n    - 100\n");
    assertThat(ReleaseSpecCodec.fromMap(specIn(manifest))).isEqualTo(spec);
  }

  @Test
  void a_strategy_that_disagrees_with_the_steps_is_refused_saying_both() {
    String manifest = ReleaseManifest.text(new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", PLAN, "Ada",
        null), "document-processing").replace("strategy: mirroredCanary", "strategy: blueGreen");

    assertThatThrownBy(() -> ReleaseSpecCodec.fromMap(specIn(manifest))).hasMessage("spec.plan.strategy is blueGreen but "
        + "its steps [mirror 20%, cookie aviary-canary=always, 25%, 100%] make a mirroredCanary release");
  }

  @Test
  void a_release_written_before_strategies_is_read_as_the_strategy_its_steps_make() {
    String manifest = ReleaseManifest.text(new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", PLAN, "Ada",
        null), "document-processing").replace("    strategy: mirroredCanary\n", "");

    assertThat(ReleaseSpecCodec.fromMap(specIn(manifest)).plan().strategy()).isEqualTo(ReleaseStrategy.MIRRORED_CANARY);
  }
}
