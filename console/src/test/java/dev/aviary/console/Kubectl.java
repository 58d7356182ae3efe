package dev.aviary.console;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * An edit the way kubectl makes it, retried when the sandbox's controllers changed the object between read and
 * write (409 Conflict), as an operator would simply run the command again.
 */
public final class Kubectl {

  private static final int ATTEMPTS = 5;

  private Kubectl() {
  }

  public static void edit(Runnable edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        edit.run();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
