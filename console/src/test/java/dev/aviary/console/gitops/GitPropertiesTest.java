package dev.aviary.console.gitops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitPropertiesTest {

  static final GitProperties.Committer AVIARY = new GitProperties.Committer("Aviary", "aviary@aviary.invalid");
  static final GitProperties.Ssh SSH = new GitProperties.Ssh("/etc/aviary/id_ed25519", "/etc/aviary/known_hosts");

  static GitProperties git(String url, GitProperties.Ssh ssh) {
    return new GitProperties(url, "main", "", null, null, AVIARY, 5, ssh);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://git.example.com/platform/manifests.git", "ssh://git@git.example.com/m.git",
      "file:///srv/git/manifests.git"})
  void accepts_https_ssh_and_file_remotes(String url) {
    assertThat(git(url, SSH).hasUrl()).isTrue();
  }

  @Test
  void intervals_that_are_not_positive_are_refused_with_the_settings_name() {
    assertThatThrownBy(() -> new GitProperties(null, "main", "", null, null, AVIARY, 5, SSH, Duration.ZERO,
        Duration.ofSeconds(10))).hasMessage("aviary.git.poll-interval must be positive, got PT0S");
    assertThatThrownBy(() -> new GitProperties(null, "main", "", null, null, AVIARY, 5, SSH, Duration.ofSeconds(15),
        Duration.ofSeconds(-1))).hasMessage("aviary.git.reapply-interval must be positive, got PT-1S");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/m.git", "javascript:alert(1)", "ext::sh -c touch% /tmp/pwned"})
  void refuses_other_schemes(String url) {
    assertThatThrownBy(() -> git(url, GitProperties.Ssh.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aviary.git.url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:secret@git.example.com/m.git"})
  void refuses_credentials_inside_the_url_so_they_never_reach_logs_or_the_ui(String url) {
    assertThatThrownBy(() -> git(url, GitProperties.Ssh.NONE))
        .hasMessageContaining("must not carry credentials").hasMessageNotContaining("secret");
  }

  @Test
  void an_ssh_remote_without_a_key_and_known_hosts_is_refused_at_start() {
    assertThatThrownBy(() -> git("ssh://git@git.example.com/m.git", GitProperties.Ssh.NONE))
        .hasMessageContaining("aviary.git.ssh.private-key and aviary.git.ssh.known-hosts");
    assertThatThrownBy(() -> git("ssh://git@git.example.com/m.git", new GitProperties.Ssh("/k", "")))
        .hasMessageContaining("never accepts an unknown one");
  }
}
