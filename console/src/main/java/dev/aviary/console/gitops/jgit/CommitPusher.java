package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.access.Identity;
import dev.aviary.console.gitops.PushOutcome;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One commit built in memory on top of a base commit (no working tree, no index on disk) and its push. JGit's
 * push does not throw when the remote refuses a ref, so every {@link RemoteRefUpdate} status is read: a remote
 * that moved on (or whose branch another push held locked just then) is told apart from every other refusal.
 */
final class CommitPusher {

  private final String branch;
  private final String trackingRef;
  private final CredentialsProvider credentials;
  private final Identity committer;
  private final Clock clock;
  private final TransportConfigCallback transport;

  CommitPusher(String branch, CredentialsProvider credentials, Identity committer, Clock clock,
               TransportConfigCallback transport) {
    this.transport = transport;
    this.branch = branch;
    this.trackingRef = "refs/remotes/origin/" + branch;
    this.credentials = credentials;
    this.committer = committer;
    this.clock = clock;
  }

  PushOutcome commitAndPush(Git git, ObjectId base, Map<String, String> files, Identity author, String message,
                            String remoteUrl) throws GitAPIException, IOException {
    ObjectId commit = commit(git.getRepository(), base, files, author, message);
    Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials)
        .setTransportConfigCallback(transport).setForce(false)
        .setRefSpecs(new RefSpec(commit.name() + ":refs/heads/" + branch)).call();
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        switch (update.getStatus()) {
          case OK, UP_TO_DATE -> {
          }
          case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
            return new PushOutcome.Behind(update.getStatus() + (update.getMessage() == null ? ""
                : ": " + update.getMessage()));
          }
          default -> {
            if (heldByAnotherPush(update)) {
              return new PushOutcome.Behind(update.getStatus() + ": " + update.getMessage());
            }
            throw new GitOpsException("the remote " + remoteUrl + " refused the push to " + branch + " ("
                + update.getStatus() + (update.getMessage() == null ? "" : ": " + update.getMessage()) + ")");
          }
        }
      }
    }
    RefUpdate tracking = git.getRepository().updateRef(trackingRef);
    tracking.setNewObjectId(commit);
    tracking.forceUpdate();
    return new PushOutcome.Pushed(commit.name());
  }

  /** Another push held the branch's ref at that moment ("failed to lock"): it moved on, or is about to. */
  private static boolean heldByAnotherPush(RemoteRefUpdate update) {
    return update.getStatus() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON && update.getMessage() != null
        && update.getMessage().contains("lock");
  }

  /** The base commit's tree with the files replaced or added, committed; nothing on disk but the new objects. */
  private ObjectId commit(Repository repo, ObjectId base, Map<String, String> files, Identity author, String message)
      throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader();
         RevWalk walk = new RevWalk(reader)) {
      RevCommit parent = walk.parseCommit(base);
      DirCache tree = DirCache.newInCore();
      DirCacheBuilder builder = tree.builder();
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
      builder.finish();
      DirCacheEditor editor = tree.editor();
      for (Map.Entry<String, String> file : files.entrySet()) {
        if (file.getValue() == null) {
          editor.add(new DirCacheEditor.DeletePath(checkedPath(file.getKey())));
          continue;
        }
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8));
        editor.add(new DirCacheEditor.PathEdit(checkedPath(file.getKey())) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blob);
          }
        });
      }
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree.writeTree(inserter));
      commit.setParentId(parent);
      commit.setAuthor(person(author));
      commit.setCommitter(person(committer));
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  private PersonIdent person(Identity identity) {
    return new PersonIdent(identity.name(), identity.email(), clock.instant(), ZoneOffset.UTC);
  }

  /** A relative path inside the repository, never into .git or out of it. */
  private static String checkedPath(String path) {
    boolean bad = path.isBlank() || path.startsWith("/") || path.contains("\\") || path.endsWith("/");
    for (String part : path.split("/")) {
      bad |= part.isEmpty() || part.equals(".") || part.equals("..") || part.equalsIgnoreCase(".git");
    }
    if (bad) {
      throw new GitOpsException("refusing to write '" + path + "': not a file inside the repository");
    }
    return path;
  }
}
