package dev.aviary.console.release;

import dev.aviary.console.WaitsOnTheClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test class whose tests share one release rig (platform-app processes, Prometheus, traffic, consoles): started by
 * {@link #startRig} before the first test, closed after the last, in a directory of its own.
 */
@WaitsOnTheClock
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RigTest {

  ReleaseRig rig;

  /** Starts the rig this class's tests run on, its traffic shaped and its consoles started. */
  abstract ReleaseRig startRig(Path dir) throws Exception;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    rig = startRig(dir);
  }

  @AfterAll
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }
}
