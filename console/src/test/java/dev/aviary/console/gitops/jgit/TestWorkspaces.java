package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.gitops.Identity;
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

  public static GitWorkspace clone(String url, String branch, Path directory, String username, String token) {
    return new JGitWorkspace(url, branch, directory, new UsernamePasswordCredentialsProvider(username, token),
        COMMITTER, Clock.systemUTC());
  }
}
