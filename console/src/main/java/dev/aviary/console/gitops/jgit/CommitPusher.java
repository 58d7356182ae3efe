package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.Identity;
import dev.aviary.console.gitops.PushOutcome;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One commit on top of the working copy and its push. JGit's push does not throw when the remote refuses a ref, so
 * every {@link RemoteRefUpdate} status is read: moved-on remotes are told apart from every other refusal.
 */
final class CommitPusher {

  private final Path directory;
  private final String branch;
  private final CredentialsProvider credentials;
  private final Identity committer;
  private final Clock clock;

  CommitPusher(Path directory, String branch, CredentialsProvider credentials, Identity committer, Clock clock) {
    this.directory = directory;
    this.branch = branch;
    this.credentials = credentials;
    this.committer = committer;
    this.clock = clock;
  }

  PushOutcome commitAndPush(Git git, Map<String, String> files, Identity author, String message, String remoteUrl)
      throws GitAPIException, IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = safePath(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      git.add().addFilepattern(file.getKey()).call();
    }
    RevCommit commit = git.commit().setAuthor(person(author)).setCommitter(person(committer)).setMessage(message)
        .setSign(false).setAllowEmpty(false).call();
    Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials).setForce(false)
        .setRefSpecs(new RefSpec(commit.getName() + ":refs/heads/" + branch)).call();
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        switch (update.getStatus()) {
          case OK, UP_TO_DATE -> {
          }
          case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
            return new PushOutcome.Behind(update.getStatus() + (update.getMessage() == null ? ""
                : ": " + update.getMessage()));
          }
          default -> throw new GitOpsException("the remote " + remoteUrl + " refused the push to " + branch + " ("
              + update.getStatus() + (update.getMessage() == null ? "" : ": " + update.getMessage()) + ")");
        }
      }
    }
    return new PushOutcome.Pushed(commit.getName());
  }

  private PersonIdent person(Identity identity) {
    return new PersonIdent(identity.name(), identity.email(), clock.instant(), ZoneOffset.UTC);
  }

  /** A path inside the working copy, never into .git or out of it. */
  private Path safePath(String path) {
    Path resolved = directory.resolve(path).normalize();
    if (path.isBlank() || Path.of(path).isAbsolute() || !resolved.startsWith(directory)
        || resolved.startsWith(directory.resolve(".git"))) {
      throw new GitOpsException("refusing to write '" + path + "': not a file inside the repository");
    }
    return resolved;
  }
}
