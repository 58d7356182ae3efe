package dev.aviary.sandbox.git;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox's GitOps remote: a bare repository in the data directory, created on first start with one commit
 * holding the platform's manifests. An existing repository is left as it is, so history survives restarts.
 */
public final class SandboxGitRemote {

  static {
    // As the console's workspace does: JGit's measurement of a file system's timestamp resolution, which a fresh
    // container repeats at every start (2.5 s), runs in the background; meanwhile JGit compares contents instead.
    FS.FileStoreAttributes.setBackground(true);
  }

  public static final String BRANCH = "main";
  private static final PersonIdent IMPORTER_NAME = new PersonIdent("Aviary Sandbox", "sandbox@aviary.invalid");

  private final Path directory;

  private SandboxGitRemote(Path directory) {
    this.directory = directory;
  }

  /** @param files repository path to content, e.g. {@code webapi/deployment-v1.yaml} */
  public static SandboxGitRemote initialize(Path directory, Map<String, byte[]> files, Clock clock) {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build()) {
      if (repo.getObjectDatabase().exists() && repo.resolve(Constants.R_HEADS + BRANCH) != null) {
        keepPacksFew(repo);
        return new SandboxGitRemote(directory);
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no manifests to import into the sandbox repository " + directory);
      }
      Files.createDirectories(directory);
      repo.create(true);
      ObjectId commit = importCommit(repo, files, clock);
      RefUpdate branch = repo.updateRef(Constants.R_HEADS + BRANCH);
      branch.setNewObjectId(commit);
      RefUpdate.Result result = branch.update();
      if (result != RefUpdate.Result.NEW) {
        throw new IOException("could not create branch " + BRANCH + ": " + result);
      }
      repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + BRANCH);
      keepPacksFew(repo);
      return new SandboxGitRemote(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot initialize the sandbox Git repository at " + directory, e);
    }
  }

  /**
   * Packs are compacted by {@link #startCompaction()}, not by the push that stored one: JGit's receive-time collection
   * ran in the background of one push and deleted packs the next push was reading. Settings earlier versions wrote for
   * that collection are removed.
   */
  private static void keepPacksFew(Repository repo) throws IOException {
    repo.getConfig().setBoolean("receive", null, "autogc", false);
    repo.getConfig().unset("gc", null, "prunePackExpire");
    repo.getConfig().unset("gc", null, "preserveOldPacks");
    repo.getConfig().save();
  }

  private static ObjectId importCommit(Repository repo, Map<String, byte[]> files, Clock clock) throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        builder.add(entry);
      }
      builder.finish();
      PersonIdent who = new PersonIdent(IMPORTER_NAME, clock.instant(), java.time.ZoneOffset.UTC);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage("sandbox: import the document-processing platform manifests\n\nAviary-Action: import\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  public Path directory() {
    return directory;
  }

  /**
   * Compacts the remote's packs in the background until closed: the sandbox runs this for as long as it runs, so a
   * remote that takes thousands of pushes keeps only a few packs to look into.
   */
  public PackCompaction startCompaction() {
    return PackCompaction.start(directory, PackCompaction.INTERVAL, PackCompaction.GRACE, PackCompaction.PACK_LIMIT);
  }

  /** The URL a Git client clones from. */
  public String url() {
    return directory.toUri().toString();
  }
}
