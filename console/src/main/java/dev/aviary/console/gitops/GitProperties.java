package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
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
 * @param ssh            key and known hosts for an ssh:// remote
 * @param pollInterval   how often the branch is fetched for commits made elsewhere, while a page is open
 * @param reapplyInterval how often writes kept while the cluster or its write lock was away are tried again
 */
@Validated
@ConfigurationProperties("aviary.git")
public record GitProperties(String url, @DefaultValue("main") @NotBlank String branch, @DefaultValue("") String path,
                            String username, String token, @DefaultValue Committer committer,
                            @DefaultValue("10") @Min(1) @Max(20) int pushAttempts, @DefaultValue Ssh ssh,
                            @DefaultValue(POLL_INTERVAL) Duration pollInterval,
                            @DefaultValue(REAPPLY_INTERVAL) Duration reapplyInterval) {

  /**
   * For ssh:// remotes: the private key Aviary authenticates with, and the known_hosts file the server's host key
   * must be in. Both are required for ssh://: an unknown or changed host key is refused, never accepted.
   */
  public record Ssh(String privateKey, String knownHosts) {

    public static final Ssh NONE = new Ssh(null, null);

    public boolean configured() {
      return privateKey != null && !privateKey.isBlank();
    }
  }

  /** Aviary as committer of every change. */
  public record Committer(@DefaultValue("Aviary") String name, @DefaultValue("aviary@aviary.invalid") String email) {

    public Identity identity() {
      return new Identity(name, email);
    }
  }

  private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "file");

  /** The intervals' defaults, written once for the binding and for the constructor below. */
  static final String POLL_INTERVAL = "15s";
  static final String REAPPLY_INTERVAL = "10s";

  /** A repository read and written at the default intervals. */
  public GitProperties(String url, String branch, String path, String username, String token, Committer committer,
                       int pushAttempts, Ssh ssh) {
    this(url, branch, path, username, token, committer, pushAttempts, ssh,
        DurationStyle.detectAndParse(POLL_INTERVAL), DurationStyle.detectAndParse(REAPPLY_INTERVAL));
  }

  @ConstructorBinding
  public GitProperties {
    positive(pollInterval, "aviary.git.poll-interval");
    positive(reapplyInterval, "aviary.git.reapply-interval");
    if (url != null && !url.isBlank()) {
      checkUrl(url);
      checkSsh(url, ssh == null ? Ssh.NONE : ssh);
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

  private static void checkSsh(String url, Ssh ssh) {
    if (!url.toLowerCase(Locale.ROOT).startsWith("ssh://")) {
      return;
    }
    if (!ssh.configured() || ssh.knownHosts() == null || ssh.knownHosts().isBlank()) {
      throw new IllegalArgumentException("an ssh:// aviary.git.url needs aviary.git.ssh.private-key and "
          + "aviary.git.ssh.known-hosts: Aviary checks the server's host key and never accepts an unknown one");
    }
  }

  private static void positive(Duration d, String setting) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(setting + " must be positive, got " + d);
    }
  }

  public boolean hasUrl() {
    return url != null && !url.isBlank();
  }
}
