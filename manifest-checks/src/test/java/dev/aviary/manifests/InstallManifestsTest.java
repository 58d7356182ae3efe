package dev.aviary.manifests;

import dev.aviary.manifests.ManifestFiles.Manifest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Aviary's own install: least privilege, a sound Deployment, and Secrets only as templates. */
class InstallManifestsTest {

  final List<Manifest> all = ManifestFiles.parseAll("k8s");

  @Test
  void every_file_parses_into_typed_kubernetes_objects() {
    assertThat(all).hasSizeGreaterThan(10)
        .allSatisfy(m -> assertThat(m.object()).as(m.toString()).isNotInstanceOf(GenericKubernetesResource.class));
  }

  @Test
  void the_console_deployment_has_probes_resources_a_non_root_user_and_a_version_label() {
    List<Deployment> deployments = objects(Deployment.class);
    assertThat(deployments).hasSize(1);
    assertThat(PodSpecChecks.problemsOf(deployments.getFirst(), "app.kubernetes.io/version")).isEmpty();
  }

  @Test
  void rbac_grants_no_wildcards_and_no_secrets() {
    List<PolicyRule> rules = Stream.concat(objects(Role.class).stream().flatMap(r -> r.getRules().stream()),
        objects(ClusterRole.class).stream().flatMap(r -> r.getRules().stream())).toList();
    assertThat(rules).isNotEmpty().allSatisfy(rule -> {
      assertThat(rule.getVerbs()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*").doesNotContain("secrets");
      assertThat(rule.getApiGroups()).doesNotContain("*");
    });
  }

  @Test
  void cluster_wide_rights_are_read_only_except_for_the_named_managed_namespace() {
    for (ClusterRole role : objects(ClusterRole.class)) {
      for (PolicyRule rule : role.getRules()) {
        boolean writes = rule.getVerbs().stream().anyMatch(v -> !List.of("get", "list", "watch").contains(v));
        if (writes) {
          assertThat(rule.getResources()).containsExactly("namespaces");
          assertThat(rule.getResourceNames()).isNotEmpty();
          assertThat(rule.getVerbs()).doesNotContain("create", "delete");
        }
      }
    }
  }

  @Test
  void secrets_exist_only_as_templates_that_kustomize_does_not_apply() throws Exception {
    List<Manifest> secrets = all.stream().filter(m -> m.object() instanceof Secret).toList();
    assertThat(secrets).extracting(m -> m.file().getParent().getFileName().toString()).containsOnly("secret-templates");
    secrets.forEach(m -> assertThat(((Secret) m.object()).getStringData().values())
        .as(m + " holds placeholders only").allSatisfy(v -> assertThat(v).startsWith("<").endsWith(">")));
    List<HasMetadata> rendered = Kustomize.render("k8s");
    assertThat(rendered).noneMatch(o -> o instanceof Secret);
    assertThat(Kustomize.identities(rendered)).isEqualTo(ManifestFiles.reachableFrom("k8s").stream()
        .flatMap(f -> ManifestFiles.parse(f).stream())
        .map(o -> o.getApiVersion() + "/" + o.getKind() + "/" + o.getMetadata().getName()).collect(Collectors.toSet()));
  }

  @Test
  void the_manager_role_may_apply_every_kind_the_platform_manifests_hold() {
    Role manager = objects(Role.class).stream().filter(r -> r.getMetadata().getName().equals("aviary-manager"))
        .findFirst().orElseThrow();
    List<Manifest> applied = ManifestFiles.parseAll("manifests").stream()
        .filter(m -> !(m.object() instanceof Secret) && !m.kind().equals("Namespace")).toList();
    assertThat(applied).isNotEmpty().allSatisfy(m -> {
      String version = m.object().getApiVersion();
      String group = version.contains("/") ? version.substring(0, version.indexOf('/')) : "";
      String resource = plural(m.kind());
      assertThat(manager.getRules()).as("aviary-manager may apply %s (%s/%s)", m, group, resource)
          .anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).contains(group);
            assertThat(rule.getResources()).contains(resource);
            assertThat(rule.getVerbs()).contains("get", "create", "patch");
          });
    });
  }

  /** The resource name the API server gives a kind: these kinds all follow the regular English plural. */
  private static String plural(String kind) {
    String lower = kind.toLowerCase(java.util.Locale.ROOT);
    boolean consonantY = lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0;
    return consonantY ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
  }

  private <T> List<T> objects(Class<T> type) {
    return all.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
  }
}
