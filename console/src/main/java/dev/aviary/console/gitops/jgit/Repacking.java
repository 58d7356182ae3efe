package dev.aviary.console.gitops.jgit;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a workspace's pack files few. Every fetch that brings commits stores them as a pack of its own, and JGit
 * looks an object up in every pack: after a few hundred changes through several consoles, each change spent most
 * of its time opening and searching packs (the HA benchmark's profile). Past {@value #MOST_PACKS} packs the
 * workspace is repacked into one, as {@code git gc --auto} does with {@code gc.autoPackLimit}.
 */
final class Repacking {

  static final int MOST_PACKS = 20;
  private static final Logger log = LoggerFactory.getLogger(Repacking.class);

  private Repacking() {
  }

  /** Repacks when there are too many packs; a failure is logged, never the caller's problem. */
  static void ifNeeded(Git git) {
    if (!(git.getRepository() instanceof FileRepository repository)) {
      return;
    }
    int packs = repository.getObjectDatabase().getPacks().size();
    if (packs <= MOST_PACKS) {
      return;
    }
    long start = System.nanoTime();
    try {
      // JGit keeps replaced packs for an hour by default, for other processes reading them; only this console
      // reads its workspace, and only under the workspace's lock.
      repository.getConfig().setString("gc", null, "prunePackExpire", "now");
      git.gc().call();
      log.debug("repacked the Git workspace ({} packs) in {} ms", packs, (System.nanoTime() - start) / 1_000_000);
    } catch (GitAPIException | RuntimeException e) {
      log.warn("could not repack the Git workspace ({} packs); it keeps working, more slowly: {}", packs,
          e.getMessage());
    }
  }
}
