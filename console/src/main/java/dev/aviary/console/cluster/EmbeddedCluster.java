package dev.aviary.console.cluster;

import java.nio.file.Path;

/**
 * A cluster the console started for itself (the sandbox) instead of one named in {@code aviary.cluster}. Whoever
 * starts it provides this as a bean; the cluster adapters connect through its kubeconfig exactly as through a
 * configured one, and know nothing else of it.
 *
 * @param kubeconfig a kubeconfig whose current context is the cluster, also for people's {@code kubectl}
 * @param name       how the badge and the Settings page name it
 */
public record EmbeddedCluster(Path kubeconfig, String name) {
}
