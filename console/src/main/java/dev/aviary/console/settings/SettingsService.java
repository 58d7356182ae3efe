package dev.aviary.console.settings;

import dev.aviary.console.AviaryProperties;
import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.EmbeddedCluster;
import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Gathers what the console is configured with, for the Settings page. Credentials never leave this class. */
@Service
public class SettingsService {

  private final SettingsSummary summary;

  SettingsService(ClusterInfo cluster, GitProperties git, GitWorkspace workspace, AviaryProperties aviary,
                  ObjectProvider<EmbeddedCluster> embedded) {
    EmbeddedCluster own = embedded.getIfAvailable();
    String hint = own == null ? ""
        : "kubectl --kubeconfig " + own.kubeconfig() + " -n " + cluster.namespaces().getFirst()
            + " get deployments";
    this.summary = new SettingsSummary(cluster.name(), cluster.server(), cluster.sandbox(), cluster.namespaces(),
        workspace.displayUrl(), git.branch(), git.path().isEmpty() ? "/" : git.path(),
        aviary.dataDirectory().toString(), hint);
  }

  public SettingsSummary summary() {
    return summary;
  }
}
