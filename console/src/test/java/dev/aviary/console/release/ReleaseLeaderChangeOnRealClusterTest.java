package dev.aviary.console.release;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The leader change mid-release on a real control plane, both consoles signed in to the API server as the
 * installation's service account with the rights {@code k8s/} (and so the chart) grants: the Leases, the Release
 * status writes and every step work within least privilege.
 */
class ReleaseLeaderChangeOnRealClusterTest extends ReleaseLeaderChangeTest {

  @Override
  ReleaseRig rig(Path directory, String... settings) throws IOException {
    return ReleaseRig.startOnRealCluster(directory, 200, settings);
  }
}
