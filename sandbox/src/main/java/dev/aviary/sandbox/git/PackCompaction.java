package dev.aviary.sandbox.git;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps the remote's pack count low without pulling a pack from under a push. Every push stores a pack of its own;
 * every {@code interval} the packs are repacked together once there are more than {@code packLimit}. The packs that
 * were replaced stay on disk for {@code grace} after they were written, so a push that listed them a moment earlier
 * still reads them, and a pack whose push has not yet moved its branch keeps the objects only it holds: a push lasts
 * milliseconds, the grace a minute. Git's own receive-time collection is off for this
 * remote ({@code receive.autogc}): it ran in the background of one push while the next one read the packs it deleted.
 */
public final class PackCompaction implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofSeconds(10);
  static final Duration GRACE = Duration.ofMinutes(1);
  static final int PACK_LIMIT = 20;

  private static final Logger LOG = LoggerFactory.getLogger(PackCompaction.class);

  private final Path directory;
  private final Duration grace;
  private final int packLimit;
  private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sandbox-git-compaction");
    thread.setDaemon(true);
    return thread;
  });

  private PackCompaction(Path directory, Duration grace, int packLimit) {
    this.directory = directory;
    this.grace = grace;
    this.packLimit = packLimit;
  }

  static PackCompaction start(Path directory, Duration interval, Duration grace, int packLimit) {
    PackCompaction compaction = new PackCompaction(directory, grace, packLimit);
    compaction.schedule.scheduleWithFixedDelay(compaction::compactQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return compaction;
  }

  /** Repacks when there are more than the limit's packs; returns the number of packs afterwards. */
  int compactIfNeeded() throws IOException {
    try (FileRepository repo = new FileRepository(directory.toFile())) {
      Collection<Pack> packs = repo.getObjectDatabase().getPacks();
      if (packs.size() <= packLimit) {
        return packs.size();
      }
      String written = writeOnePack(repo);
      long writtenBefore = System.currentTimeMillis() - grace.toMillis();
      for (Pack pack : packs) {
        if (!pack.getPackFile().getName().equals(written + ".pack") && !pack.shouldBeKept()
            && pack.getPackFile().lastModified() < writtenBefore) {
          delete(pack.getPackFile().toPath());
        }
      }
      return packsOnDisk(repo.getObjectDatabase().getPackDirectory().toPath());
    }
  }

  /** Counted on disk: JGit's own list is a snapshot of the directory that can lag behind its last change. */
  private static int packsOnDisk(Path packDirectory) throws IOException {
    try (Stream<Path> files = Files.list(packDirectory)) {
      return (int) files.map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("pack-") && name.endsWith(".pack")).count();
    }
  }

  /**
   * One pack of everything the branches and tags reach, moved in pack first and index second as a push moves its
   * own; its name. Not JGit's garbage collection: besides the packs it also tidies the refs directory, and read the
   * lock file of a branch a push was updating just as it vanished (a warning with a stack trace).
   */
  private static String writeOnePack(FileRepository repo) throws IOException {
    Set<ObjectId> tips = new HashSet<>();
    for (Ref ref : repo.getRefDatabase().getRefs()) {
      if (ref.getObjectId() != null) {
        tips.add(ref.getObjectId());
      }
    }
    Path packDirectory = repo.getObjectDatabase().getPackDirectory().toPath();
    try (PackWriter writer = new PackWriter(repo)) {
      writer.preparePack(NullProgressMonitor.INSTANCE, tips, PackWriter.NONE);
      String name = "pack-" + writer.computeName().name();
      Path pack = packDirectory.resolve(name + ".pack");
      if (Files.exists(pack)) {
        return name;
      }
      Path temporaryPack = Files.createTempFile(packDirectory, "compaction_", ".pack.tmp");
      Path temporaryIndex = Files.createTempFile(packDirectory, "compaction_", ".idx.tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporaryPack)) {
          writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
        }
        try (OutputStream out = Files.newOutputStream(temporaryIndex)) {
          writer.writeIndex(out);
        }
        Files.move(temporaryPack, pack, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temporaryIndex, packDirectory.resolve(name + ".idx"), StandardCopyOption.ATOMIC_MOVE);
        return name;
      } finally {
        Files.deleteIfExists(temporaryPack);
        Files.deleteIfExists(temporaryIndex);
      }
    }
  }

  /** The pack first, as JGit does: an index without its pack is an orphan every reader skips. */
  private static void delete(Path pack) throws IOException {
    String base = pack.getFileName().toString().replaceFirst("\\.pack$", "");
    Files.deleteIfExists(pack);
    for (String extension : List.of(".idx", ".bitmap", ".rev")) {
      Files.deleteIfExists(pack.resolveSibling(base + extension));
    }
  }

  private void compactQuietly() {
    try {
      compactIfNeeded();
    } catch (IOException | RuntimeException e) {
      // The next round tries again; until then pushes only find one more pack to look into.
      LOG.warn("could not compact the sandbox Git remote {}: {}", directory, e.toString());
    }
  }

  @Override
  public void close() {
    schedule.shutdownNow();
    try {
      schedule.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
