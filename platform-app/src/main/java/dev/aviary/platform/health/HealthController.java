package dev.aviary.platform.health;

import dev.aviary.platform.PlatformProperties;
import dev.aviary.platform.documents.DocumentStore;
import dev.aviary.platform.documents.WorkQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three probes the manifests use. Startup: the application has started. Liveness: the process can answer.
 * Readiness: past the warm-up, the stores reachable and the processing queue has room, so the load balancer stops
 * sending documents to an instance that would refuse them. Liveness leaves the stores out on purpose: a database
 * outage must not restart every pod.
 */
@RestController
@RequestMapping("/health")
class HealthController {

  private final DocumentStore store;
  private final WorkQueue queue;
  private final Clock clock;
  private final java.time.Duration warmup;
  private volatile Instant startedAt;

  HealthController(DocumentStore store, WorkQueue queue, Clock clock, PlatformProperties properties) {
    this.store = store;
    this.queue = queue;
    this.clock = clock;
    this.warmup = properties.warmup();
  }

  @EventListener(ApplicationReadyEvent.class)
  void started() {
    startedAt = clock.instant();
  }

  @GetMapping("/startup")
  ResponseEntity<Map<String, Object>> startup() {
    return startedAt == null ? status(503, "STARTING", List.of("the application is still starting"))
        : status(200, "UP", List.of());
  }

  @GetMapping("/live")
  ResponseEntity<Map<String, Object>> live() {
    return status(200, "UP", List.of());
  }

  @GetMapping("/ready")
  ResponseEntity<Map<String, Object>> ready() {
    List<String> reasons = new ArrayList<>();
    if (startedAt == null || clock.instant().isBefore(startedAt.plus(warmup))) {
      reasons.add("warming up");
    }
    store.problem().ifPresent(reasons::add);
    Optional<String> queueProblem = queue.problem();
    queueProblem.ifPresent(reasons::add);
    if (queueProblem.isEmpty() && queue.saturated()) {
      reasons.add("processing queue full (" + queue.depth() + "/" + queue.capacity() + ")");
    }
    return reasons.isEmpty() ? status(200, "UP", reasons) : status(503, "NOT_READY", reasons);
  }

  private static ResponseEntity<Map<String, Object>> status(int code, String status, List<String> reasons) {
    return ResponseEntity.status(code).body(Map.of("status", status, "reasons", reasons));
  }
}
