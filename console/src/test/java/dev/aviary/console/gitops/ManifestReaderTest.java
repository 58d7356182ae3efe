package dev.aviary.console.gitops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestReaderTest {

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: webapi-v1, namespace: document-processing}
      """;

  @Test
  void follows_resources_through_nested_kustomizations_in_order() {
    RepositoryFiles ws = new RepositoryFiles()
        .with("kustomization.yaml", "resources: [namespace.yaml, webapi]")
        .with("namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: document-processing}\n")
        .with("webapi/kustomization.yaml", "resources:\n  - deployment.yaml\n  - ../shared/service.yaml\n")
        .with("webapi/deployment.yaml", DEPLOYMENT + "---\n# trailing empty document\n")
        .with("shared/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: webapi}\n");

    List<ManifestReader.Manifest> manifests = new ManifestReader(ws).read("");

    assertThat(manifests).extracting(ManifestReader.Manifest::file)
        .containsExactly("namespace.yaml", "webapi/deployment.yaml", "shared/service.yaml");
    assertThat(manifests.get(1).object()).containsEntry("kind", "Deployment");
  }

  @Test
  void reads_from_a_subfolder_of_the_repository() {
    RepositoryFiles ws = new RepositoryFiles()
        .with("platform/kustomization.yaml", "resources: [d.yaml]")
        .with("platform/d.yaml", DEPLOYMENT);

    assertThat(new ManifestReader(ws).read("platform")).hasSize(1);
  }

  @Test
  void refuses_kustomize_features_it_would_otherwise_silently_ignore() {
    RepositoryFiles ws = new RepositoryFiles()
        .with("kustomization.yaml", "resources: [d.yaml]\npatches:\n  - path: p.yaml\n")
        .with("d.yaml", DEPLOYMENT);

    assertThatThrownBy(() -> new ManifestReader(ws).read(""))
        .hasMessage("kustomization.yaml: 'patches' is not supported; Aviary reads resources only");
  }

  @Test
  void names_the_file_and_document_that_is_not_a_kubernetes_object() {
    RepositoryFiles ws = new RepositoryFiles()
        .with("kustomization.yaml", "resources: [d.yaml]")
        .with("d.yaml", DEPLOYMENT + "---\nkind: Service\n");

    assertThatThrownBy(() -> new ManifestReader(ws).read(""))
        .hasMessageContaining("d.yaml, document 2: not a Kubernetes object");
  }

  @Test
  void names_the_file_with_broken_yaml() {
    RepositoryFiles ws = new RepositoryFiles()
        .with("kustomization.yaml", "resources: [d.yaml]")
        .with("d.yaml", "kind: [unclosed");

    assertThatThrownBy(() -> new ManifestReader(ws).read("")).hasMessageStartingWith("d.yaml is not valid YAML");
  }

  @Test
  void refuses_resources_outside_the_repository_and_missing_kustomizations() {
    RepositoryFiles escaping = new RepositoryFiles().with("kustomization.yaml", "resources: [../../etc]");
    assertThatThrownBy(() -> new ManifestReader(escaping).read("")).hasMessageContaining("points outside the repository");

    RepositoryFiles missing = new RepositoryFiles().with("kustomization.yaml", "resources: [nowhere]");
    assertThatThrownBy(() -> new ManifestReader(missing).read("")).hasMessage("no kustomization.yaml in nowhere");
  }
}
