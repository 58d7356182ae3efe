package dev.aviary.console.health;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import dev.aviary.console.KaribuTest;
import dev.aviary.console.Kubectl;
import dev.aviary.console.metrics.Reading;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OverviewViewTest extends KaribuTest {

  static final String STABLE_IMAGE = "ghcr.io/aviary-dev/platform-app:1.0.0";

  @AfterEach
  void restore() {
    setImage("webapi-v1", STABLE_IMAGE);
    setImage("document-processor-v1", STABLE_IMAGE);
    awaitDeploymentsRolledOut();
  }

  /** Like kubectl set image. */
  void setImage(String deployment, String image) {
    Kubectl.edit(() -> operator().apps().deployments().withName(deployment).edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage(image);
      return d;
    }));
  }

  @SuppressWarnings("unchecked")
  static List<ServiceHealth> rows() {
    Grid<ServiceHealth> grid = _get(Grid.class, s -> s.withId("overview-grid"));
    return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i)).toList();
  }

  static ServiceHealth row(String service) {
    return rows().stream().filter(r -> r.name().equals(service)).findFirst().orElseThrow();
  }

  @Test
  void every_service_is_listed_healthy_with_its_replicas_traffic_signals_and_sync_state() {
    UI.getCurrent().navigate("");

    eventually(() -> {
      assertThat(_get(Div.class, s -> s.withId("tile-services")).getElement().getTextRecursively()).startsWith("4");
      assertThat(_get(Div.class, s -> s.withId("tile-replicas-ready")).getElement().getTextRecursively())
          .startsWith("5 / 5");
      assertThat(rows()).allSatisfy(r -> assertThat(r.health().status()).as(r.name() + ": " + r.health().reason())
          .isEqualTo(HealthStatus.HEALTHY));
      ServiceHealth webapi = row("webapi");
      assertThat(webapi.versions()).allSatisfy(v -> assertThat(v.rate()).isInstanceOf(Reading.Value.class));
      assertThat(webapi.versions().stream().mapToInt(VersionHealth::weight).sum()).isEqualTo(100);
      assertThat(webapi.sync().kind()).isEqualTo(SyncState.Kind.SYNCED);
      assertThat(webapi.lastChange()).as("the sandbox's first commit is about no one service").isNull();
    });
    assertThat(_get(Div.class, s -> s.withId("metrics-notice")).getText()).contains("simulated");
  }

  @Test
  void the_most_severe_service_comes_first() {
    UI.getCurrent().navigate("");
    eventually(() -> assertThat(rows()).extracting(ServiceHealth::name)
        .containsExactly("document-processor", "postgresql", "redis", "webapi"));

    setImage("webapi-v1", "ghcr.io/aviary-dev/platform-app:1.1.0-broken");

    eventually(() -> {
      assertThat(rows()).extracting(ServiceHealth::name)
          .containsExactly("webapi", "document-processor", "postgresql", "redis");
      assertThat(row("webapi").health().status()).isEqualTo(HealthStatus.PROGRESSING);
      assertThat(row("webapi").health().reason()).contains("replicas");
    });
  }

  @Test
  void a_pod_that_stops_passing_its_readiness_probe_shows_at_once() {
    UI.getCurrent().navigate("");
    eventually(() -> assertThat(row("document-processor").health().status()).isEqualTo(HealthStatus.HEALTHY));

    Pod pod = operator().pods().withLabel("app", "document-processor").list().getItems().getFirst();
    Kubectl.edit(() -> operator().pods().withName(pod.getMetadata().getName()).edit(p -> new PodBuilder(p)
        .editMetadata().addToAnnotations("sandbox.aviary.dev/fail-readiness", "true").endMetadata().build()));
    try {
      Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
      eventually(() -> {
        ServiceHealth row = row("document-processor");
        // A young pod may still be starting; one older than the readiness grace has stopped being ready.
        boolean old = Duration.between(created, Instant.now()).compareTo(HealthRules.READINESS_GRACE) > 0;
        assertThat(row.health().status()).isEqualTo(old ? HealthStatus.DEGRADED : HealthStatus.PROGRESSING);
        assertThat(row.health().reason()).isEqualTo(old ? "pod " + pod.getMetadata().getName()
            + " running but not ready" : "1 of 2 replicas unavailable");
        assertThat(row.versions().getFirst().ready()).isEqualTo(1);
      });
    } finally {
      operator().pods().withName(pod.getMetadata().getName()).delete();
    }
  }

  @Test
  void a_version_failing_a_fifth_of_its_requests_turns_the_service_degraded() {
    UI.getCurrent().navigate("");

    setImage("document-processor-v1", "ghcr.io/aviary-dev/platform-app:1.1.0-faulty");

    eventually(() -> {
      ServiceHealth row = rows().getFirst();
      assertThat(row.name()).isEqualTo("document-processor");
      assertThat(row.health().status()).isEqualTo(HealthStatus.DEGRADED);
      assertThat(row.health().reason()).matches("v1 fails 1\\d\\.\\d% of requests, above the 5\\.0% limit|"
          + "v1 fails 2[0-2]\\.\\d% of requests, above the 5\\.0% limit");
    });
  }

  @Test
  void a_store_is_a_service_of_its_own_whose_stateful_set_and_claim_decide_and_an_unready_pod_shows_at_once() {
    UI.getCurrent().navigate("");
    eventually(() -> {
      assertThat(rows()).extracting(ServiceHealth::name).contains("postgresql");
      ServiceHealth postgresql = row("postgresql");
      assertThat(postgresql.health().status()).isEqualTo(HealthStatus.HEALTHY);
      assertThat(postgresql.versions()).isEmpty();
      assertThat(postgresql.parts()).extracting(PartHealth::kind, PartHealth::name, p -> p.health().status())
          .containsExactly(tuple("StatefulSet", "postgresql", HealthStatus.HEALTHY),
              tuple("PersistentVolumeClaim", "data-postgresql-0", HealthStatus.HEALTHY));
    });

    Pod pod = operator().pods().withName("postgresql-0").get();
    Kubectl.edit(() -> operator().pods().withName("postgresql-0").edit(p -> new PodBuilder(p)
        .editMetadata().addToAnnotations("sandbox.aviary.dev/fail-readiness", "true").endMetadata().build()));
    try {
      Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
      eventually(() -> {
        ServiceHealth row = row("postgresql");
        boolean old = Duration.between(created, Instant.now()).compareTo(HealthRules.READINESS_GRACE) > 0;
        assertThat(row.health().status()).isEqualTo(old ? HealthStatus.DEGRADED : HealthStatus.PROGRESSING);
        assertThat(row.health().reason()).isEqualTo(old ? "pod postgresql-0 running but not ready"
            : "StatefulSet postgresql: 0 of 1 pods ready");
        assertThat(rows().getFirst().name()).isEqualTo("postgresql");
      });
    } finally {
      Kubectl.edit(() -> operator().pods().withName("postgresql-0").edit(p -> new PodBuilder(p)
          .editMetadata().removeFromAnnotations("sandbox.aviary.dev/fail-readiness").endMetadata().build()));
    }
    eventually(() -> assertThat(row("postgresql").health().status()).isEqualTo(HealthStatus.HEALTHY));
  }

  @Test
  void a_stateful_set_whose_claim_cannot_be_provisioned_turns_its_service_degraded_with_the_reason() {
    UI.getCurrent().navigate("");
    eventually(() -> assertThat(rows()).hasSize(4));
    KubernetesClient k = operator();
    k.apps().statefulSets().resource(new StatefulSetBuilder().withNewMetadata().withName("search-index")
        .addToLabels("app", "search-index").endMetadata().withNewSpec().withReplicas(1).withServiceName("search-index")
        .withNewSelector().addToMatchLabels("app", "search-index").endSelector().withNewTemplate().withNewMetadata()
        .addToLabels("app", "search-index").endMetadata().withNewSpec().addNewContainer().withName("search-index")
        .withImage("search:1.0").endContainer().endSpec().endTemplate().addNewVolumeClaimTemplate()
        .withNewMetadata().withName("data").addToLabels("app", "search-index").endMetadata().withNewSpec()
        .withStorageClassName("fast").withAccessModes("ReadWriteOnce").withNewResources()
        .addToRequests("storage", new Quantity("10Gi")).endResources().endSpec().endVolumeClaimTemplate().endSpec()
        .build()).create();
    try {
      eventually(() -> {
        assertThat(rows()).extracting(ServiceHealth::name).contains("search-index");
        ServiceHealth row = row("search-index");
        assertThat(row.health().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(row.health().reason()).isEqualTo("volume claim data-search-index-0 pending: ProvisioningFailed:"
            + " storageclass.storage.k8s.io \"fast\" not found");
        assertThat(row.versions()).isEmpty();
        assertThat(row.parts()).extracting(PartHealth::kind, p -> p.health().status()).containsExactly(
            tuple("StatefulSet", HealthStatus.PROGRESSING), tuple("PersistentVolumeClaim", HealthStatus.DEGRADED));
        assertThat(rows().getFirst().name()).as("the most severe first").isEqualTo("search-index");
      });
    } finally {
      k.apps().statefulSets().withName("search-index").delete();
      k.persistentVolumeClaims().withName("data-search-index-0").delete();
    }
    eventually(() -> assertThat(rows()).extracting(ServiceHealth::name).doesNotContain("search-index"));
  }
}
