package dev.aviary.console.settings;

import java.util.List;

/**
 * The configuration in force, with secrets left out.
 *
 * @param kubeconfigHint how to reach the sandbox with kubectl; empty outside the sandbox
 */
public record SettingsSummary(String clusterName, String apiServer, boolean sandbox, List<String> namespaces,
                              String gitRemote, String gitBranch, String gitPath, String dataDirectory,
                              String kubeconfigHint) {
}
