package dev.aviary.console.release;

import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.console.routing.TrafficRouting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a release proposes from an admin's tag and version name, and what it refuses, on the platform's manifests. */
class ReleaseChangesTest {

  final RepositoryFiles files = RepositoryFiles.platformManifests();
  final GitProperties git = new GitProperties("file:///r.git", "main", "", null, null,
      new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 3, GitProperties.Ssh.NONE);
  final ReleaseChanges changes = new ReleaseChanges(files, git, new TrafficRouting(files, git));

  ReleaseSpec propose(String tag, String version) {
    return changes.propose(new ManifestSet(files, ""), "webapi", tag, version, ReleaseMachineTest.PLAN, "Ada");
  }

  @Test
  void a_tag_takes_the_stable_image_repository_and_the_next_free_version_name() {
    ReleaseSpec spec = propose("1.4.0", "");
    assertThat(spec.stableVersion()).isEqualTo("v1");
    assertThat(spec.canaryVersion()).isEqualTo("v2");
    assertThat(spec.image()).endsWith("platform-app:1.4.0").doesNotStartWith("1.4.0");
    assertThat(spec.startedBy()).isEqualTo("Ada");
  }

  @Test
  void a_full_image_reference_is_taken_as_it_is_and_a_chosen_version_name_is_kept() {
    ReleaseSpec spec = propose("registry.example.com/team/platform-app:2.0.0-rc1", " blue ");
    assertThat(spec.image()).isEqualTo("registry.example.com/team/platform-app:2.0.0-rc1");
    assertThat(spec.canaryVersion()).isEqualTo("blue");
  }

  @Test
  void a_tag_that_is_not_a_tag_is_refused_naming_it() {
    assertThatThrownBy(() -> propose("1.4 .0", "")).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("image tag '1.4 .0' is not a valid tag");
    assertThatThrownBy(() -> propose("", "")).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("is not a valid tag");
    assertThatThrownBy(() -> propose("x".repeat(129), "")).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("at most 128");
    assertThatThrownBy(() -> propose("ghcr.io/a b:1", "")).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("must not contain spaces");
  }

  @Test
  void a_version_name_must_fit_a_deployment_name_and_be_new() {
    assertThatThrownBy(() -> propose("1.4.0", "V2")).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("version name 'V2' must be lower-case letters, digits and dashes");
    assertThatThrownBy(() -> propose("1.4.0", "-v2")).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("version name '-v2'");
    assertThatThrownBy(() -> propose("1.4.0", "v1")).isInstanceOf(InvalidChangeException.class)
        .hasMessage("service webapi already has a version v1");
  }

  @Test
  void an_unknown_service_is_refused_naming_the_known_ones() {
    assertThatThrownBy(() -> changes.propose(new ManifestSet(files, ""), "nope", "1.0", "", ReleaseMachineTest.PLAN,
        "Ada")).isInstanceOf(InvalidChangeException.class).hasMessageContaining("nope");
  }
}
