package dev.aviary.console;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Threads of Aviary's own background loops: named after their job, and never keeping the JVM alive. */
public final class Background {

  private Background() {
  }

  public static ScheduledExecutorService singleThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
