package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.access.Identity;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.PushOutcome;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bare JGit clone in the data directory. Reads come from commits' trees and changes are committed in memory on
 * top of a given commit, so there is no working tree to get out of step: what Aviary reads is exactly what is
 * committed, and a push the remote refuses leaves nothing behind but unreferenced objects.
 */
final class JGitWorkspace implements GitWorkspace {

  static {
    // JGit measures each file system's timestamp resolution before its first use of it and keeps the result in its
    // own config under the user's home; a container starts with none, and the measurement held the start for 2.5 s.
    // Measured in the background instead, JGit assumes the coarse fallback meanwhile (it compares file contents
    // where timestamps cannot tell), which is safe, only slower for files changed within two seconds.
    FS.FileStoreAttributes.setBackground(true);
  }

  private final String url;
  private final String branch;
  private final Path directory;
  private final CredentialsProvider credentials;
  private final CommitPusher pusher;
  private final TransportConfigCallback transport;
  private Git git;

  JGitWorkspace(String url, String branch, Path directory, CredentialsProvider credentials, Identity committer,
                Clock clock) {
    this(url, branch, directory, credentials, committer, clock, t -> { });
  }

  /** @param transport configures each connection, e.g. the ssh key and known hosts for an ssh:// remote */
  JGitWorkspace(String url, String branch, Path directory, CredentialsProvider credentials, Identity committer,
                Clock clock, TransportConfigCallback transport) {
    this.url = url;
    this.branch = branch;
    this.directory = directory;
    this.credentials = credentials;
    this.transport = transport;
    this.pusher = new CommitPusher(branch, credentials, committer, clock, transport);
  }

  @Override
  public synchronized void sync() {
    try {
      if (git == null) {
        git = openOrClone();
      }
      git.fetch().setRemote("origin").setCredentialsProvider(credentials).setTransportConfigCallback(transport)
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + trackingRef())).call();
      Repacking.ifNeeded(git);
    } catch (GitAPIException | IOException e) {
      throw new GitOpsException("cannot sync with the Git remote " + displayUrl() + " (branch " + branch + "): "
          + e.getMessage(), e);
    }
  }

  private Git openOrClone() throws IOException, GitAPIException {
    if (Files.isRegularFile(directory.resolve("HEAD"))) {
      Git existing = Git.wrap(new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build());
      if (url.equals(existing.getRepository().getConfig().getString("remote", "origin", "url"))) {
        return existing;
      }
      existing.close();
      FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE);
    }
    Files.createDirectories(directory.getParent());
    return Git.cloneRepository().setURI(url).setBare(true).setBranch(branch).setGitDir(directory.toFile())
        .setCredentialsProvider(credentials).setTransportConfigCallback(transport).call();
  }

  @Override
  public synchronized String head() {
    return headCommit().name();
  }

  @Override
  public synchronized boolean isAncestor(String ancestor, String commit) {
    Repository repo = repository();
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
          walk.parseCommit(ObjectId.fromString(commit)));
    } catch (MissingObjectException | IllegalArgumentException e) {
      return false;
    } catch (IOException e) {
      throw new GitOpsException("cannot tell whether " + ancestor + " is in the history of " + commit, e);
    }
  }

  @Override
  public synchronized Optional<String> readAt(String commit, String path) {
    Repository repo = repository();
    try (RevWalk walk = new RevWalk(repo);
         TreeWalk tree = TreeWalk.forPath(repo, path, walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
      if (tree == null || tree.isSubtree()) {
        return Optional.empty();
      }
      return Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GitOpsException("cannot read " + path + " at " + commit, e);
    }
  }

  @Override
  public synchronized List<String> list(String folder) {
    Repository repo = repository();
    List<String> paths = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(headCommit()).getTree());
      tree.setRecursive(false);
      if (!folder.isEmpty()) {
        tree.setFilter(PathFilter.create(folder));
      }
      while (tree.next()) {
        if (!folder.isEmpty() && tree.getPathString().equals(folder)) {
          tree.enterSubtree();
        } else if (!tree.isSubtree()) {
          paths.add(tree.getPathString());
        }
      }
      return paths;
    } catch (IOException e) {
      throw new GitOpsException("cannot list " + folder + " at " + head(), e);
    }
  }

  @Override
  public synchronized List<CommitInfo> log(int skip, int limit) {
    try {
      List<CommitInfo> commits = new ArrayList<>();
      for (RevCommit c : git().log().add(headCommit()).setSkip(skip).setMaxCount(limit).call()) {
        commits.add(info(c));
      }
      return commits;
    } catch (GitAPIException | IOException e) {
      throw new GitOpsException("cannot read the history of " + branch, e);
    }
  }

  @Override
  public synchronized CommitInfo commit(String id) {
    try (RevWalk walk = new RevWalk(repository())) {
      return info(walk.parseCommit(ObjectId.fromString(id)));
    } catch (MissingObjectException | IllegalArgumentException e) {
      throw new InvalidChangeException("no commit " + id + " in " + displayUrl());
    } catch (IOException e) {
      throw new GitOpsException("cannot read commit " + id + ": " + e.getMessage(), e);
    }
  }

  private static CommitInfo info(RevCommit c) {
    return new CommitInfo(c.getName(), c.getAuthorIdent().getName(), c.getAuthorIdent().getEmailAddress(),
        c.getAuthorIdent().getWhenAsInstant(), c.getFullMessage());
  }

  @Override
  public synchronized String diff(String commit) {
    try {
      return CommitChanges.diff(repository(), commit);
    } catch (MissingObjectException | IllegalArgumentException e) {
      throw new InvalidChangeException("no commit " + commit + " in " + displayUrl());
    } catch (IOException e) {
      throw new GitOpsException("cannot show commit " + commit + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Map<String, String> revertedFiles(String commit, String onto) {
    try {
      return CommitChanges.reverted(repository(), commit, onto);
    } catch (MissingObjectException | IllegalArgumentException e) {
      throw new InvalidChangeException("no commit " + commit + " in " + displayUrl());
    } catch (IOException e) {
      throw new GitOpsException("cannot revert commit " + commit + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized PushOutcome commitAndPush(String base, Map<String, String> files, Identity author,
                                               String message) {
    if (!head().equals(base)) {
      return new PushOutcome.Behind("the workspace moved from " + base + " to " + head() + " while the change was made");
    }
    try {
      return pusher.commitAndPush(git(), ObjectId.fromString(base), files, author, message, displayUrl());
    } catch (GitAPIException | IOException e) {
      throw new GitOpsException("cannot commit and push to " + displayUrl() + " (branch " + branch + "): "
          + e.getMessage(), e);
    }
  }

  private String trackingRef() {
    return "refs/remotes/origin/" + branch;
  }

  @Override
  public String displayUrl() {
    return url;
  }

  private Git git() {
    if (git == null) {
      sync();
    }
    return git;
  }

  private Repository repository() {
    return git().getRepository();
  }

  private ObjectId headCommit() {
    try {
      ObjectId id = repository().resolve(trackingRef());
      if (id == null) {
        throw new GitOpsException("the branch " + branch + " of " + displayUrl() + " has no commits");
      }
      return id;
    } catch (IOException e) {
      throw new GitOpsException("cannot resolve HEAD of the workspace", e);
    }
  }
}
