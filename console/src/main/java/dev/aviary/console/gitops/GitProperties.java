package dev.aviary.console.gitops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The GitOps repository. In the sandbox the URL may be left empty: the sandbox's own bare repository is used.
 *
 * @param url      https://, ssh:// or file:// URL of the remote
 * @param branch   the branch Aviary reads and commits to
 * @param path     folder inside the repository holding the kustomization, empty for its root
 * @param username for HTTPS
 * @param token    password or token for HTTPS; never logged or shown
 * @param committer      Aviary's own identity as committer; the operator who made a change is its author
 * @param pushAttempts   how often a change is redone on a remote that moved on before it is given up
 */
@Validated
@ConfigurationProperties("aviary.git")
public record GitProperties(String url, @DefaultValue("main") @NotBlank String branch, @DefaultValue("") String path,
                            String username, String token, @DefaultValue Committer committer,
                            @DefaultValue("5") @Min(1) @Max(20) int pushAttempts) {

  /** Aviary as committer of every change. */
  public record Committer(@DefaultValue("Aviary") String name, @DefaultValue("aviary@aviary.invalid") String email) {

    public Identity identity() {
      return new Identity(name, email);
    }
  }

  private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "file");

  public GitProperties {
    if (url != null && !url.isBlank()) {
      checkUrl(url);
    }
    path = path == null ? "" : path.replaceAll("^/+|/+$", "");
  }

  private static void checkUrl(String url) {
    String scheme;
    try {
      scheme = URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("aviary.git.url is not a valid URL: " + e.getMessage());
    }
    if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("aviary.git.url must use one of " + SCHEMES + ", got scheme " + scheme);
    }
    String userInfo = URI.create(url).getUserInfo();
    if (userInfo != null && (userInfo.contains(":") || !scheme.equalsIgnoreCase("ssh"))) {
      throw new IllegalArgumentException(
          "aviary.git.url must not carry credentials; set aviary.git.username and aviary.git.token instead");
    }
  }

  public boolean hasUrl() {
    return url != null && !url.isBlank();
  }
}
