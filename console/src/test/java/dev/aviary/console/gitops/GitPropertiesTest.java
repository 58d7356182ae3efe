package dev.aviary.console.gitops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitPropertiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://git.example.com/platform/manifests.git", "ssh://git@git.example.com/m.git",
      "file:///srv/git/manifests.git"})
  void accepts_https_ssh_and_file_remotes(String url) {
    assertThat(new GitProperties(url, "main", "", null, null, new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 5).hasUrl()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/m.git", "javascript:alert(1)", "ext::sh -c touch% /tmp/pwned"})
  void refuses_other_schemes(String url) {
    assertThatThrownBy(() -> new GitProperties(url, "main", "", null, null, new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aviary.git.url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:secret@git.example.com/m.git"})
  void refuses_credentials_inside_the_url_so_they_never_reach_logs_or_the_ui(String url) {
    assertThatThrownBy(() -> new GitProperties(url, "main", "", null, null, new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 5))
        .hasMessageContaining("must not carry credentials").hasMessageNotContaining("secret");
  }
}
