package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Controller writes based on a cache: a 409 or 404 means the cache was behind, and the next tick tries again. */
final class Writes {

  private Writes() {
  }

  /** @return whether the write went through */
  static boolean ignoringConflicts(Runnable write) {
    try {
      write.run();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409 && e.getCode() != 404) {
        throw e;
      }
      return false;
    }
  }
}
