package dev.aviary.console.gitops;

import dev.aviary.console.ConsoleCluster;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The two-console writes on a real control plane, both consoles signed in to the API server as the installation's
 * service account with the rights {@code k8s/} (and so the chart) grants: ordered writes and the write lock work
 * within least privilege.
 */
class TwoConsolesWriteOnRealClusterTest extends TwoConsolesWriteTest {

  @Override
  ConsoleCluster cluster(Path directory) throws IOException {
    return ConsoleCluster.real();
  }
}
