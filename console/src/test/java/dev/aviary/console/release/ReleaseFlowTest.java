package dev.aviary.console.release;

import dev.aviary.console.SignedIn;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.sandbox.signin.DemoUser;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole releases on the sandbox, with its traffic model as the metrics source and a fast plan: a healthy image is
 * promoted and a faulty one rolled back by itself, every step a commit in the sandbox's Git remote.
 */
class ReleaseFlowTest extends ReleaseSandboxTest {

  @Override
  protected DemoUser user() {
    return SignedIn.demo("admin");
  }

  @Test
  void a_healthy_image_is_promoted_the_stable_runs_it_the_canary_is_gone_and_one_click_restores_the_previous() throws Exception {
    String previous = image(operator().apps().deployments().withName("webapi-v1").get());
    ChangeResult started = releases.start("webapi", "1.1.0", "").get().change();
    Release release = releaseOf("webapi", "1.1.0");
    String v = release.spec().canaryVersion();
    assertThat(started.state()).isEqualTo(ChangeResult.State.APPLIED);
    assertThat(git("log", "-1", "--format=%an|%s", started.commit())).isEqualTo("Ada Admin|webapi: start release " + v
        + " (ghcr.io/aviary-dev/platform-app:1.1.0) at 0%");

    Release done = awaitFinished(release.name());

    assertThat(done.phase()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(done.status().analyses()).extracting(AnalysisResult::weight).containsExactly(20, 50, 100);
    // The last step already sent all traffic to the canary: promoting it found nothing to commit.
    assertThat(git("log", "--format=%an|%s", started.commit() + "..main", "--", "base/webapi", "istio/webapi"))
        .isEqualTo(String.join("\n",
        "Aviary|webapi: promote: remove canary webapi-" + v,
        "Aviary|webapi: release " + v + ": promote: traffic back to v1, now running ghcr.io/aviary-dev/platform-app:1.1.0",
        "Aviary|webapi: promote: webapi-v1 takes " + v + "'s pod template (ghcr.io/aviary-dev/platform-app:1.1.0)",
        "Aviary|webapi: release " + v + ": step 3 of 3: " + v + " 100%",
        "Aviary|webapi: release " + v + ": step 2 of 3: " + v + " 50%",
        "Aviary|webapi: release " + v + ": step 1 of 3: " + v + " 20%"));
    Deployment stable = operator().apps().deployments().withName("webapi-v1").get();
    assertThat(image(stable)).isEqualTo("ghcr.io/aviary-dev/platform-app:1.1.0");
    assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v1");
    assertThat(operator().apps().deployments().withName("webapi-" + v).get()).isNull();
    assertThat(done.status().promotionCommit()).isNotEmpty();

    ChangeResult restored = releases.restorePrevious(release.name(), "").get();

    assertThat(restored.state()).isEqualTo(ChangeResult.State.APPLIED);
    assertThat(git("log", "-1", "--format=%an|%b", restored.commit())).startsWith("Ada Admin|restore the version "
        + "before release " + release.name()).contains("This reverts commit " + done.status().promotionCommit());
    assertThat(image(operator().apps().deployments().withName("webapi-v1").get())).isEqualTo(previous);
  }

  private static String image(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
  }

  @Test
  void a_faulty_image_is_rolled_back_by_itself_with_the_figures_in_the_commit() throws Exception {
    releases.start("webapi", "1.2.0-faulty", "").get();
    Release release = releaseOf("webapi", "1.2.0-faulty");
    String v = release.spec().canaryVersion();

    Release done = awaitFinished(release.name());

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.status().message()).startsWith(v + " failed analysis at 20%: error ratio vs stable");
    String rollback = git("log", "-1", "--format=%an|%B", "--", "base/webapi");
    assertThat(rollback).startsWith("Aviary|webapi: rollback: " + v + " failed analysis at 20%")
        .contains("Analysis at 20%").contains("<- broken");
    assertThat(operator().apps().deployments().withName("webapi-" + v).get().getSpec().getReplicas()).isZero();
    assertThat(done.status().events()).extracting(ReleaseEvent::actor)
        .contains("Ada Admin <admin@sandbox.aviary.invalid>", ReleaseEvent.CONTROLLER);
  }
}
