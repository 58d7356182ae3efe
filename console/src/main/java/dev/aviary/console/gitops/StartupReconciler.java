package dev.aviary.console.gitops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * On start-up, applies Git's head to the cluster, so that whatever happened while Aviary was down (a crash between
 * push and apply, or a fresh sandbox) leaves no lasting difference between Git and the cluster.
 */
@Component
class StartupReconciler implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupReconciler.class);

  private final GitWorkspace workspace;
  private final ClusterGate gate;

  StartupReconciler(GitWorkspace workspace, ClusterGate gate) {
    this.workspace = workspace;
    this.gate = gate;
  }

  @Override
  public void run(ApplicationArguments args) {
    workspace.sync();
    ClusterGate.Written written = gate.write(workspace.head(), head -> new ClusterGate.Writes(
        head.all().stream().map(ManifestReader.Manifest::object).toList(), List.of()));
    log.info("Applied {} objects from {} at {} to the cluster", written.applied(), workspace.displayUrl(),
        written.commit().substring(0, 8));
  }
}
