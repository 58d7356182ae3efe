package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.access.Identity;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.nio.file.Path;
import java.time.Clock;

/** The production JGit workspace, for tests of other features that need a real one without Spring. */
public final class TestWorkspaces {

  public static final Identity COMMITTER = new Identity("Aviary", "aviary@aviary.invalid");

  private TestWorkspaces() {
  }

  public static GitWorkspace clone(String url, String branch, Path directory) {
    return new JGitWorkspace(url, branch, directory, null, COMMITTER, Clock.systemUTC());
  }

  /** Over ssh://, with only this key and these known hosts, as a configured Aviary connects. */
  public static JGitWorkspace ssh(String url, Path directory, Path privateKey, Path knownHosts) {
    SshTransports ssh = new SshTransports(new GitProperties.Ssh(privateKey.toString(), knownHosts.toString()),
        directory.resolveSibling(directory.getFileName() + "-ssh"));
    return new JGitWorkspace(url, "main", directory, null, COMMITTER, Clock.systemUTC(), ssh);
  }

  public static GitWorkspace clone(String url, String branch, Path directory, String username, String token) {
    return new JGitWorkspace(url, branch, directory, new UsernamePasswordCredentialsProvider(username, token),
        COMMITTER, Clock.systemUTC());
  }
}
