package dev.aviary.console.sandbox;

import dev.aviary.console.AviaryProperties;
import dev.aviary.console.cluster.ClusterProperties;
import dev.aviary.console.cluster.EmbeddedCluster;
import dev.aviary.console.gitops.EmbeddedRemote;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts the sandbox when no cluster is configured: the embedded default for trying Aviary out. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);
  static final String BUNDLED_MANIFESTS = "aviary-manifests/";

  @Bean(destroyMethod = "close")
  SandboxEnvironment sandboxEnvironment(AviaryProperties aviary, SandboxProperties properties,
                                        ClusterProperties cluster, Clock clock) {
    String namespace = cluster.namespaces().getFirst();
    SimulatorSettings defaults = SimulatorSettings.defaults();
    SimulatorSettings simulator = new SimulatorSettings(defaults.startDelay(), properties.readyDelay(),
        defaults.tick(), defaults.nodes());
    Sandbox sandbox = Sandbox.start(new SandboxOptions(aviary.dataDirectory().resolve("sandbox"), properties.apiPort(),
        namespace, bundledManifests(), simulator), clock);
    log.info("""

        ==================  Aviary sandbox  ==================
        No cluster is configured, so Aviary runs its sandbox: a simulated Kubernetes API server on 127.0.0.1.
          API server : {}
          kubeconfig : {}   (try: kubectl --kubeconfig {} get deployments)
          Git remote : {}
        ======================================================""",
        sandbox.apiServerUrl(), sandbox.kubeconfig(), sandbox.kubeconfig(), sandbox.gitRemote().url());
    return new SandboxEnvironment(sandbox);
  }

  /** The sandbox's API server, for the cluster adapters to connect to like any kubeconfig's. */
  @Bean
  EmbeddedCluster embeddedCluster(SandboxEnvironment sandbox) {
    return new EmbeddedCluster(sandbox.kubeconfig(), "Sandbox");
  }

  /** The sandbox's Git remote, cloned like any other. */
  @Bean
  EmbeddedRemote embeddedRemote(SandboxEnvironment sandbox) {
    return new EmbeddedRemote(sandbox.gitUrl());
  }

  /** The platform's manifests as shipped with Aviary, keyed by their path inside {@code manifests/}. */
  static Map<String, byte[]> bundledManifests() {
    try {
      Map<String, byte[]> files = new HashMap<>();
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUNDLED_MANIFESTS + "**/*")) {
        String url = r.getURL().toString();
        if (r.isReadable() && !url.endsWith("/")) {
          files.put(url.substring(url.lastIndexOf(BUNDLED_MANIFESTS) + BUNDLED_MANIFESTS.length()),
              r.getContentAsByteArray());
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled manifests", e);
    }
  }
}
