package dev.aviary.console.health;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills an API server with services as a cluster would hold them after a finished rollout: per service a
 * Deployment, its pods Running and Ready, and an Istio route. On the sandbox's API server no controller runs, so this
 * writes the pods and every status itself and adds an autoscaler per service; on a real one the controllers make
 * the pods and kwok makes them Ready, and there are no autoscalers (without a metrics API each would fail every
 * sync and mark its service Degraded).
 */
final class BenchCluster {

  private static final ResourceDefinitionContext VIRTUAL_SERVICE = new ResourceDefinitionContext.Builder()
      .withGroup("networking.istio.io").withVersion("v1").withKind("VirtualService").withPlural("virtualservices")
      .withNamespaced(true).build();

  private final KubernetesClient client;
  private final String namespace;
  private final boolean realControllers;
  private final int nodes;
  private final String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS).toString();

  /** @param nodes on a real server, the kwok nodes to spread services over */
  BenchCluster(KubernetesClient client, String namespace, boolean realControllers, int nodes) {
    this.client = client;
    this.namespace = namespace;
    this.realControllers = realControllers;
    this.nodes = nodes;
  }

  static String service(int i) {
    return String.format("svc-%04d", i);
  }

  /** Creates everything on eight threads; answers how many objects it created (on a real server: not the pods). */
  int load(int services, int podsPerService) throws Exception {
    AtomicInteger created = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> work = new java.util.ArrayList<>();
      for (int i = 0; i < services; i++) {
        String name = service(i);
        String node = "kwok-node-" + i % nodes;
        work.add(pool.submit(() -> {
          createService(name, podsPerService, node);
          created.addAndGet(realControllers ? 2 : 3 + podsPerService);
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    }
    return created.get();
  }

  /**
   * On a real server the pod template names its node: on two cores kube-scheduler binds fewer than 30 pods a second
   * while the other components run, so 50,000 pods took more than half an hour through it. What the console watches
   * is the same either way.
   */
  private void createService(String name, int pods, String node) {
    Map<String, String> labels = Map.of("app", name, "version", "v1");
    Deployment d = client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
        .withNewMetadata().withName(name + "-v1").withLabels(labels).endMetadata()
        .withNewSpec().withReplicas(pods).withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
        .withNodeName(realControllers ? node : null).addNewContainer()
        .withName("app").withImage("ghcr.io/aviary-dev/platform-app:1.0.0").endContainer().endSpec().endTemplate()
        .endSpec().build()).create();
    createRoute(name);
    if (realControllers) {
      return;
    }
    setStatus(d, pods);
    for (int p = 0; p < pods; p++) {
      var pod = client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata()
          .withName(name + "-v1-" + p).withLabels(labels).endMetadata().withNewSpec().withNodeName("node-" + p % 3)
          .addNewContainer().withName("app").withImage("ghcr.io/aviary-dev/platform-app:1.0.0").endContainer()
          .endSpec().build()).create();
      pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running").withStartTime(now)
          .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True")
              .withLastTransitionTime(now).build())
          .addNewContainerStatus().withName("app").withReady(true).withRestartCount(0).withNewState().withNewRunning()
          .withStartedAt(now).endRunning().endState().endContainerStatus().build());
      client.pods().inNamespace(namespace).resource(pod).updateStatus();
    }
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).resource(
        new HorizontalPodAutoscalerBuilder().withNewMetadata().withName(name + "-v1").withLabels(labels).endMetadata()
            .withNewSpec().withMinReplicas(pods).withMaxReplicas(pods * 2).withNewScaleTargetRef()
            .withApiVersion("apps/v1").withKind("Deployment").withName(name + "-v1").endScaleTargetRef().endSpec()
            .build()).create();
  }

  private void createRoute(String name) {
    client.genericKubernetesResources(VIRTUAL_SERVICE).inNamespace(namespace).resource(
        new GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1").withKind("VirtualService")
            .withNewMetadata().withName(name).withLabels(Map.of("app", name)).endMetadata()
            .addToAdditionalProperties("spec", Map.of("hosts", List.of(name), "http", List.of(Map.of("route",
                List.of(Map.of("destination", Map.of("host", name, "subset", "v1"), "weight", 100))))))
            .build()).create();
  }

  /**
   * Waits until every service's Deployment reports all its pods ready: on a real API server the controllers,
   * scheduler and kwok are still at work after {@link #load} returns.
   */
  void awaitSettled(int services, int podsPerService, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long ready = 0;
    while (System.nanoTime() < deadline) {
      ready = client.apps().deployments().inNamespace(namespace).list().getItems().stream()
          .filter(d -> d.getMetadata().getName().startsWith("svc-") && d.getStatus() != null
              && d.getStatus().getReadyReplicas() != null && d.getStatus().getReadyReplicas() == podsPerService)
          .count();
      if (ready == services) {
        return;
      }
      Thread.sleep(5000);
    }
    throw new IllegalStateException("only " + ready + " of " + services + " services had all pods ready after "
        + timeout);
  }

  /**
   * A change the console must show: on the sandbox, the Deployment's ready count (its status, as its controller
   * would write it); on a real API server its replicas (its spec: the real controller owns the status).
   */
  void change(String service, int count) {
    if (realControllers) {
      client.apps().deployments().inNamespace(namespace).withName(service + "-v1").scale(count);
    } else {
      setReady(service, count);
    }
  }

  /** What {@link #change} moves, as the overview's row shows it. */
  int shown(ServiceHealth row) {
    VersionHealth version = row.versions().getFirst();
    return realControllers ? version.desired() : version.ready();
  }

  /** Sets the Deployment's status as its controller would report a rollout with {@code ready} ready replicas. */
  void setReady(String service, int ready) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(service + "-v1").get();
    setStatus(d, ready);
  }

  private void setStatus(Deployment d, int ready) {
    int desired = d.getSpec().getReplicas();
    d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(desired).withUpdatedReplicas(desired)
        .withReadyReplicas(ready).withAvailableReplicas(ready).withUnavailableReplicas(desired - ready)
        .withConditions(new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
            .withReason("NewReplicaSetAvailable").withMessage("done").withLastTransitionTime(now).build())
        .build());
    client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
  }
}
