package dev.aviary.sandbox.git;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the remote's pack count low without pulling a pack from under a push. Every push stores a pack of its own;
 * every {@code interval} the packs are repacked together once there are more than {@code packLimit}. The packs that
 * were replaced stay on disk for {@code grace} after they were written, so a push that listed them a moment earlier
 * still reads them: a push lasts milliseconds, the grace a minute. Git's own receive-time collection is off for this
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
      int packs = repo.getObjectDatabase().getPacks().size();
      if (packs <= packLimit) {
        return packs;
      }
      // Only the packs: a full collection also packs the refs, and its lock on a branch refused a push to it.
      GC gc = new GC(repo);
      gc.setPackExpireAgeMillis(grace.toMillis());
      gc.repack();
      return repo.getObjectDatabase().getPacks().size();
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
