package dev.aviary.console.cluster;

import java.util.List;

/**
 * What the console is connected to, for the badge and the settings page.
 *
 * @param name    the kubeconfig context, "in-cluster", or "Sandbox"
 * @param server  the API server URL
 */
public record ClusterInfo(String name, String server, boolean sandbox, List<String> namespaces) {
}
