package dev.aviary.sandbox;

import dev.aviary.sandbox.simulator.SimulatorSettings;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a sandbox needs to start.
 *
 * @param dataDirectory holds the Git remote and the kubeconfig; kept across restarts
 * @param apiPort       port of the API server on 127.0.0.1, 0 for a free one
 * @param namespace     the kubeconfig's default namespace
 * @param manifests     repository path to content, imported into a new Git remote
 */
public record SandboxOptions(Path dataDirectory, int apiPort, String namespace, Map<String, byte[]> manifests,
                             SimulatorSettings simulator) {
}
