package dev.aviary.install.node;

import dev.aviary.platform.metrics.PrometheusServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kubernetes service discovery for the node's Prometheus, as its {@code kubernetes_sd_configs} with the usual
 * relabelling would do it (Debian builds Prometheus without it): every running pod annotated
 * {@code prometheus.io/scrape: "true"} is scraped at its IP and {@code prometheus.io/port}, on
 * {@code prometheus.io/path}, its series labelled with the pod's {@code app} label as {@code service}, its namespace
 * and its name. Kept current by an informer, so a canary's pods are scraped from their start.
 */
final class PodTargets implements AutoCloseable {

  private final PrometheusServer prometheus;
  private final SharedIndexInformer<Pod> informer;

  PodTargets(KubernetesClient client, PrometheusServer prometheus) {
    this.prometheus = prometheus;
    this.informer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        write();
      }

      @Override
      public void onUpdate(Pod before, Pod after) {
        write();
      }

      @Override
      public void onDelete(Pod pod, boolean finalStateUnknown) {
        write();
      }
    });
  }

  private synchronized void write() {
    Map<String, Map<String, String>> targets = new TreeMap<>();
    for (Pod pod : informer.getStore().list()) {
      Map<String, String> annotations = pod.getMetadata().getAnnotations();
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (annotations == null || !"true".equals(annotations.get("prometheus.io/scrape")) || ip == null
          || !"Running".equals(pod.getStatus().getPhase())) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>(Map.of("namespace", pod.getMetadata().getNamespace(),
          "pod", pod.getMetadata().getName(), "__metrics_path__", annotations.getOrDefault("prometheus.io/path",
              "/metrics")));
      String app = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get("app");
      if (app != null) {
        labels.put("service", app);
      }
      targets.put(ip + ":" + annotations.getOrDefault("prometheus.io/port", "80"), labels);
    }
    try {
      prometheus.discovered(targets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
