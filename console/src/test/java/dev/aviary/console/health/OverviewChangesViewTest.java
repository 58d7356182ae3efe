package dev.aviary.console.health;

import com.vaadin.flow.component.UI;
import dev.aviary.console.ChangingSandboxTest;
import dev.aviary.console.Kubectl;
import dev.aviary.console.services.ServiceOperations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's last-change column follows Git, and its sync column the cluster's drift from Git. */
class OverviewChangesViewTest extends ChangingSandboxTest {

  @Autowired
  ServiceOperations operations;

  @Test
  void a_change_appears_as_the_services_last_change_with_its_author() throws Exception {
    UI.getCurrent().navigate("");
    int replicas = operations.cluster().snapshot().services().stream().filter(s -> s.name().equals("webapi"))
        .findFirst().orElseThrow().versions().getFirst().desired() + 1;

    operations.scale("webapi", "v1", replicas, "more headroom").get();

    eventually(() -> {
      ServiceHealth webapi = OverviewViewTest.row("webapi");
      assertThat(webapi.lastChange()).isNotNull();
      assertThat(webapi.lastChange().authorName()).isEqualTo("Otto Operator");
      assertThat(webapi.lastChange().subject()).startsWith("webapi: scale webapi-v1 to at least " + replicas);
    });
  }

  @Test
  void a_kubectl_edit_shows_the_service_out_of_sync() {
    UI.getCurrent().navigate("");
    eventually(() -> assertThat(OverviewViewTest.row("document-processor").sync().kind())
        .isEqualTo(SyncState.Kind.SYNCED));

    Kubectl.edit(() -> operator().autoscaling().v2().horizontalPodAutoscalers().withName("document-processor-v1")
        .edit(h -> {
          h.getSpec().setMaxReplicas(h.getSpec().getMaxReplicas() + 5);
          return h;
        }));

    eventually(() -> {
      SyncState sync = OverviewViewTest.row("document-processor").sync();
      assertThat(sync.kind()).isEqualTo(SyncState.Kind.OUT_OF_SYNC);
      assertThat(sync.detail()).contains("HorizontalPodAutoscaler document-processor-v1").contains("maxReplicas");
    });
    operations.sync("document-processor").join();
  }
}
