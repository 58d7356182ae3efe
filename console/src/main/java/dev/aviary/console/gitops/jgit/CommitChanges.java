package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.InvalidChangeException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one commit changed: as a diff for people, and undone on a later commit for a revert. */
final class CommitChanges {

  private CommitChanges() {
  }

  static String diff(Repository repo, String commit) throws IOException {
    try (RevWalk walk = new RevWalk(repo); ByteArrayOutputStream out = new ByteArrayOutputStream();
         DiffFormatter formatter = new DiffFormatter(out); ObjectReader reader = repo.newObjectReader()) {
      formatter.setRepository(repo);
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      if (c.getParentCount() == 0) {
        formatter.format(new EmptyTreeIterator(), new CanonicalTreeParser(null, reader, c.getTree()));
      } else {
        formatter.format(walk.parseCommit(c.getParent(0)).getTree(), c.getTree());
      }
      formatter.flush();
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static Map<String, String> reverted(Repository repo, String commit, String onto) throws IOException {
    try (RevWalk walk = new RevWalk(repo); DiffFormatter scanner = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      scanner.setRepository(repo);
      RevCommit undone = walk.parseCommit(ObjectId.fromString(commit));
      String name = undone.abbreviate(8).name();
      if (undone.getParentCount() != 1) {
        throw new InvalidChangeException("cannot revert " + name + ": only commits with exactly one parent can be");
      }
      RevTree before = walk.parseCommit(undone.getParent(0)).getTree();
      RevTree current = walk.parseCommit(ObjectId.fromString(onto)).getTree();
      Map<String, String> files = new LinkedHashMap<>();
      for (DiffEntry entry : scanner.scan(before, undone.getTree())) {
        switch (entry.getChangeType()) {
          case MODIFY -> files.put(entry.getNewPath(), merged(repo, entry.getNewPath(), undone, before, current, name));
          case ADD -> files.put(entry.getNewPath(), unadded(repo, entry.getNewPath(), undone, current, name));
          case DELETE -> files.put(entry.getOldPath(), undeleted(repo, entry.getOldPath(), before, current, name));
          default -> throw new InvalidChangeException("cannot revert " + name + ": it "
              + entry.getChangeType().name().toLowerCase() + "s " + entry.getOldPath() + " to " + entry.getNewPath());
        }
      }
      return files;
    }
  }

  private static String merged(Repository repo, String path, RevCommit undone, RevTree before, RevTree current,
                               String name) throws IOException {
    MergeResult<RawText> merged = new MergeAlgorithm().merge(RawTextComparator.DEFAULT,
        text(repo, undone.getTree(), path, name), text(repo, current, path, name), text(repo, before, path, name));
    if (merged.containsConflicts()) {
      throw new InvalidChangeException("cannot revert " + name + ": later changes touched the same lines of " + path);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MergeFormatter().formatMerge(out, merged, List.of("undone", "current", "before"), StandardCharsets.UTF_8);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A file the commit added is removed again, unless a later change edited it. */
  private static String unadded(Repository repo, String path, RevCommit undone, RevTree current, String name)
      throws IOException {
    ObjectId added = blob(repo, undone.getTree(), path);
    ObjectId now = blob(repo, current, path);
    if (now == null) {
      throw new InvalidChangeException("cannot revert " + name + ": " + path + " no longer exists");
    }
    if (!now.equals(added)) {
      throw new InvalidChangeException("cannot revert " + name + ": " + path + ", which it added, was changed since");
    }
    return null;
  }

  /** A file the commit deleted comes back as it was, unless a file of that name exists again. */
  private static String undeleted(Repository repo, String path, RevTree before, RevTree current, String name)
      throws IOException {
    if (blob(repo, current, path) != null) {
      throw new InvalidChangeException("cannot revert " + name + ": " + path + ", which it deleted, exists again");
    }
    return new String(repo.open(blob(repo, before, path)).getBytes(), StandardCharsets.UTF_8);
  }

  private static ObjectId blob(Repository repo, RevTree tree, String path) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
      return walk == null ? null : walk.getObjectId(0);
    }
  }

  private static RawText text(Repository repo, RevTree tree, String path, String commit) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
      if (walk == null) {
        throw new InvalidChangeException("cannot revert " + commit + ": " + path + " no longer exists");
      }
      return new RawText(repo.open(walk.getObjectId(0)).getBytes());
    }
  }
}
