package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Emits core/v1 Events the way the controllers and the kubelet of a real cluster do. */
final class EventRecorder {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void normal(HasMetadata about, String component, String reason, String message) {
    record(about, component, "Normal", reason, message);
  }

  void warning(HasMetadata about, String component, String reason, String message) {
    record(about, component, "Warning", reason, message);
  }

  private void record(HasMetadata about, String component, String type, String reason, String message) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String name = about.getMetadata().getName() + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet();
    try {
      client.v1().events().inNamespace(about.getMetadata().getNamespace()).resource(new EventBuilder()
          .withNewMetadata().withName(name).withNamespace(about.getMetadata().getNamespace()).endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(about.getApiVersion())
              .withKind(about.getKind()).withName(about.getMetadata().getName())
              .withNamespace(about.getMetadata().getNamespace()).withUid(about.getMetadata().getUid()).build())
          .withType(type).withReason(reason).withMessage(message).withCount(1)
          .withFirstTimestamp(now).withLastTimestamp(now).withNewSource().withComponent(component).endSource()
          .build()).create();
    } catch (KubernetesClientException e) {
      log.debug("event {} on {} not recorded: {}", reason, about.getMetadata().getName(), e.getMessage());
    }
  }
}
