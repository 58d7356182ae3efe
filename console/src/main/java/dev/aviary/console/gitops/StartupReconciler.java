package dev.aviary.console.gitops;

import dev.aviary.console.cluster.ClusterWriter;
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
  private final ClusterWriter cluster;
  private final GitProperties git;

  StartupReconciler(GitWorkspace workspace, ClusterWriter cluster, GitProperties git) {
    this.workspace = workspace;
    this.cluster = cluster;
    this.git = git;
  }

  @Override
  public void run(ApplicationArguments args) {
    workspace.sync();
    List<ManifestReader.Manifest> manifests = new ManifestReader(workspace).read(git.path());
    cluster.apply(manifests.stream().map(ManifestReader.Manifest::object).toList());
    log.info("Applied {} objects from {} at {} to the cluster", manifests.size(), workspace.displayUrl(),
        workspace.head().substring(0, 8));
  }
}
