package dev.aviary.manifests;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.aviary.manifests.HelmChart.all;
import static dev.aviary.manifests.HelmChart.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, linted and rendered by Helm itself, and held to {@code k8s/}: the two install paths give the same
 * rights, the same hardened pods and the same settings.
 */
class HelmChartTest {

  static List<HasMetadata> chart;
  static List<HasMetadata> kustomized;

  @BeforeAll
  static void render() throws Exception {
    chart = HelmChart.template("aviary", "aviary", "");
    kustomized = Kustomize.render("k8s");
  }

  @Test
  void helm_lint_finds_nothing_with_the_default_values_or_with_others(@TempDir Path copy) throws IOException {
    LintResult defaults = new Helm(HelmChart.CHART).lint().strict().call();
    assertThat(defaults.isFailed()).as(String.join("\n", defaults.getMessages())).isFalse();

    Path other = copyOf(HelmChart.CHART, copy.resolve("aviary"));
    Files.writeString(other.resolve("values.yaml"), Files.readString(other.resolve("values.yaml"))
        .replace("replicaCount: 2", "replicaCount: 3").replace("  sshSecret: \"\"", "  sshSecret: aviary-git-ssh")
        .replace("  - document-processing\n", "  - document-processing\n  - billing\n")
        .replace("ingress:\n  enabled: true", "ingress:\n  enabled: false"));
    LintResult others = new Helm(other).lint().strict().call();
    assertThat(others.isFailed()).as(String.join("\n", others.getMessages())).isFalse();
  }

  @Test
  void the_chart_and_k8s_grant_the_same_rights() {
    assertThat(rules(chart)).isEqualTo(rules(kustomized)).isNotEmpty();
    assertThat(bindings(chart)).isEqualTo(bindings(kustomized)).isNotEmpty();
  }

  @Test
  void the_chart_and_k8s_run_the_same_hardened_pods_with_the_same_settings() {
    Deployment fromChart = one(chart, Deployment.class);
    Deployment fromK8s = one(kustomized, Deployment.class);
    PodSpec pod = fromChart.getSpec().getTemplate().getSpec();
    PodSpec k8sPod = fromK8s.getSpec().getTemplate().getSpec();

    assertThat(PodSpecChecks.problemsOf(fromChart, "app.kubernetes.io/version")).isEmpty();
    assertThat(fromChart.getSpec().getReplicas()).isEqualTo(fromK8s.getSpec().getReplicas()).isEqualTo(2);
    assertThat(fromChart.getSpec().getStrategy()).isEqualTo(fromK8s.getSpec().getStrategy());
    assertThat(pod.getSecurityContext()).isEqualTo(k8sPod.getSecurityContext());
    assertThat(pod.getContainers()).hasSize(1);
    var container = pod.getContainers().getFirst();
    var k8sContainer = k8sPod.getContainers().getFirst();
    assertThat(container.getSecurityContext()).isEqualTo(k8sContainer.getSecurityContext());
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getImage()).isEqualTo(k8sContainer.getImage());
    assertThat(container.getPorts()).isEqualTo(k8sContainer.getPorts());
    assertThat(container.getResources()).isEqualTo(k8sContainer.getResources());
    assertThat(List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()))
        .isEqualTo(List.of(k8sContainer.getStartupProbe(), k8sContainer.getLivenessProbe(),
            k8sContainer.getReadinessProbe()))
        .allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
    assertThat(container.getEnv()).isEqualTo(k8sContainer.getEnv());
    assertThat(container.getVolumeMounts()).isEqualTo(k8sContainer.getVolumeMounts());
    assertThat(pod.getVolumes()).isEqualTo(k8sPod.getVolumes());
    assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
        .extracting(term -> term.getPodAffinityTerm().getTopologyKey()).containsExactly("kubernetes.io/hostname");
    assertThat(k8sPod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
        .extracting(term -> term.getPodAffinityTerm().getTopologyKey()).containsExactly("kubernetes.io/hostname");
    assertThat(one(chart, ConfigMap.class).getData()).isEqualTo(one(kustomized, ConfigMap.class).getData());
    assertThat(one(chart, PodDisruptionBudget.class).getSpec().getMaxUnavailable())
        .isEqualTo(one(kustomized, PodDisruptionBudget.class).getSpec().getMaxUnavailable());
    assertThat(one(chart, Ingress.class).getMetadata().getAnnotations())
        .isEqualTo(one(kustomized, Ingress.class).getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
    assertThat(names(chart, Namespace.class)).containsExactly("document-processing");
  }

  @Test
  void other_values_give_rights_in_each_managed_namespace_and_the_settings_that_go_with_them() {
    List<HasMetadata> ops = HelmChart.template("ops", "ops-tools", """
        managedNamespaces: [billing, search]
        createManagedNamespaces: false
        replicaCount: 3
        git: {sshSecret: ops-git-ssh}
        ingress: {enabled: false}
        extraEnv: {AVIARY_AUDIT_RETENTION: 30d}
        """);

    assertThat(all(ops, Role.class)).extracting(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .containsExactlyInAnyOrder("billing/ops-aviary-manager", "search/ops-aviary-manager",
            "ops-tools/ops-aviary-console");
    assertThat(all(ops, RoleBinding.class)).allSatisfy(b -> assertThat(b.getSubjects())
        .singleElement().satisfies(s -> assertThat(s.getNamespace() + "/" + s.getName())
            .isEqualTo("ops-tools/ops-aviary")));
    assertThat(one(ops, ClusterRole.class).getRules().get(1).getResourceNames()).containsExactly("billing", "search");
    Map<String, String> settings = one(ops, ConfigMap.class).getData();
    assertThat(settings).containsEntry("AVIARY_CLUSTER_NAMESPACES", "billing,search")
        .containsEntry("AVIARY_COORDINATION_NAMESPACE", "ops-tools").containsEntry("AVIARY_AUDIT_RETENTION", "30d")
        .containsEntry("AVIARY_GIT_SSH_PRIVATE_KEY", "/etc/aviary/ssh/id_ecdsa");
    Deployment deployment = one(ops, Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getVolumes()).filteredOn(v -> v.getSecret() != null).extracting(v -> v.getSecret().getSecretName())
        .containsExactly("ops-git-ssh");
    assertThat(pod.getContainers().getFirst().getEnv()).extracting(EnvVar::getName)
        .doesNotContain("AVIARY_GIT_TOKEN").contains("AVIARY_OIDC_CLIENT_SECRET");
    assertThat(all(ops, Ingress.class)).isEmpty();
    assertThat(all(ops, Namespace.class)).isEmpty();
  }

  @Test
  void values_that_cannot_work_stop_helm_with_the_setting_named() {
    assertThatThrownBy(() -> HelmChart.template("aviary", "aviary", "git: {url: \"\"}"))
        .hasMessageContaining("git.url: set the Git remote");
    assertThatThrownBy(() -> HelmChart.template("aviary", "aviary", "managedNamespaces: []"))
        .hasMessageContaining("managedNamespaces: list at least one namespace");
    assertThatThrownBy(() -> HelmChart.template("aviary", "aviary", "replicaCount: 0"))
        .hasMessageContaining("replicaCount: at least 1");
  }

  @Test
  void the_charts_crds_are_the_ones_in_k8s() throws IOException {
    for (String crd : List.of("release-crd.yaml", "audit-crd.yaml")) {
      assertThat(Files.readString(HelmChart.CHART.resolve("crds").resolve(crd)))
          .isEqualTo(Files.readString(ManifestFiles.ROOT.resolve("k8s").resolve(crd)));
    }
  }

  /** Every rule by the Role or ClusterRole (kind, namespace, name) that grants it. */
  private static Map<String, Object> rules(List<HasMetadata> objects) {
    Map<String, Object> rules = new TreeMap<>();
    all(objects, Role.class).forEach(r -> rules.put(key(r), r.getRules()));
    all(objects, ClusterRole.class).forEach(r -> rules.put(key(r), r.getRules()));
    return rules;
  }

  private static Map<String, Object> bindings(List<HasMetadata> objects) {
    Map<String, Object> bindings = new TreeMap<>();
    all(objects, RoleBinding.class).forEach(b -> bindings.put(key(b), List.of(b.getRoleRef(), b.getSubjects())));
    all(objects, ClusterRoleBinding.class).forEach(b -> bindings.put(key(b), List.of(b.getRoleRef(),
        b.getSubjects())));
    return bindings;
  }

  private static String key(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  private static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
    return all(objects, type).stream().map(o -> o.getMetadata().getName()).collect(Collectors.toList());
  }

  /** A copy of the chart with its symbolic links (the CRDs) replaced by what they point to. */
  private static Path copyOf(Path chart, Path target) throws IOException {
    try (var files = Files.walk(chart)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(chart.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }
}
