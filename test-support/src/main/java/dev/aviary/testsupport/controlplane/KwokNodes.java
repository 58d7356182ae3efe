package dev.aviary.testsupport.controlplane;

/**
 * Nodes that kwok plays the kubelet for: it keeps their status and lease fresh and makes the pods scheduled on them
 * Running and Ready. No taints, so the platform's pods land there without tolerations.
 */
final class KwokNodes {

  static final String ANNOTATION = "kwok.x-k8s.io/node";

  private KwokNodes() {
  }

  static String node(String name, int pods) {
    String capacity = "{\"cpu\":\"1000\",\"memory\":\"10000Gi\",\"pods\":\"" + pods + "\"}";
    return """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s",
         "annotations":{"%s":"fake","node.alpha.kubernetes.io/ttl":"0"},
         "labels":{"kubernetes.io/hostname":"%s","kubernetes.io/os":"linux","type":"kwok"}},
         "status":{"allocatable":%s,"capacity":%s}}""".formatted(name, ANNOTATION, name, capacity, capacity);
  }
}
