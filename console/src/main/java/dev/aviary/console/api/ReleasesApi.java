package dev.aviary.console.api;

import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.release.Release;
import dev.aviary.console.release.ReleaseEvent;
import dev.aviary.console.release.ReleaseService;
import dev.aviary.console.release.ReleaseSpecCodec;
import dev.aviary.console.release.ReleaseStart;
import dev.aviary.console.release.ReleaseStatus;
import dev.aviary.console.release.ReleaseStrategy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Canary releases for scripts and ChatOps: read them, start one (admins), steer one (operators). The same service
 * as the Releases view, so the same rules (which phase allows what: 409 with the reason otherwise), commits by the
 * caller and audit entries.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleasesApi {

  private final ReleaseService releases;

  ReleasesApi(ReleaseService releases) {
    this.releases = releases;
  }

  /**
   * One release. {@code strategy}: canary, mirroredCanary or blueGreen. {@code step} counts from 1 ({@code steps} in
   * the plan); {@code actions} are what an operator can do now; {@code spec} is the release as its manifest in Git
   * says; {@code evidence} is the sequential judge's latest look at the current step, each check's evidence and
   * interval as they grow (null between steps and for the fixed-window judge).
   */
  record ReleaseView(String name, String namespace, String service, String strategy, String stableVersion,
                     String canaryVersion, String image, String phase, String phaseLabel, boolean finished,
                     String message, int step, int steps, int weight, List<String> actions, String promotionCommit,
                     Map<String, Object> spec, List<AnalysisResult> analyses, AnalysisResult evidence,
                     List<ReleaseEvent> history) {

    static ReleaseView of(Release r, boolean whole) {
      ReleaseStatus status = r.status();
      var spec = r.spec();
      return new ReleaseView(r.name(), r.namespace(), spec.service(), spec.plan().strategy().word(),
          spec.stableVersion(), spec.canaryVersion(), spec.image(), r.phase().name(), r.phase().label(),
          r.phase().finished(), r.message(), status == null ? 0 : status.stepIndex() + 1, spec.plan().steps().size(),
          r.weight(), r.actions(), r.promotionCommit().orElse(null), whole ? ReleaseSpecCodec.toMap(spec) : null,
          whole ? (status == null ? List.of() : status.analyses()) : null,
          whole && status != null ? status.evidence() : null,
          whole ? (status == null ? List.of() : status.events()) : null);
    }
  }

  /** {@code strategy}: canary, mirroredCanary or blueGreen; absent for the service's default. */
  record StartRequest(String service, String tag, String version, String strategy) {

    ReleaseStrategy chosen(ReleaseService releases) {
      if (strategy == null || strategy.isBlank()) {
        return releases.strategyFor(service.strip());
      }
      try {
        return ReleaseStrategy.of(strategy.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidChangeException("\"strategy\": " + e.getMessage());
      }
    }
  }

  record Started(String release, ChangeResult change) {
  }

  record Reason(String reason) {

    static String of(Reason body) {
      return body == null ? "" : body.reason();
    }
  }

  record WeightRequest(Integer weight, String reason) {
  }

  /** Every release the cluster holds, newest last; {@code service} and {@code active=true} narrow the list. */
  @GetMapping
  List<ReleaseView> releases(@RequestParam(required = false) String service,
                             @RequestParam(defaultValue = "false") boolean active) {
    return releases.releases().stream()
        .filter(r -> service == null || r.spec().service().equals(service))
        .filter(r -> !active || !r.phase().finished())
        .map(r -> ReleaseView.of(r, false)).toList();
  }

  @GetMapping("/{name}")
  ReleaseView release(@PathVariable String name) {
    return releases.release(name).map(r -> ReleaseView.of(r, true)).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "no release " + name));
  }

  /**
   * Starts a release of a new tag (or whole image reference) with the plan of the strategy named (the service's
   * default when none is); admins only.
   */
  @PostMapping
  CompletableFuture<ResponseEntity<Started>> start(@RequestBody StartRequest request) {
    if (request == null || blank(request.service()) || blank(request.tag())) {
      throw new InvalidChangeException("the body needs \"service\" and \"tag\" (a tag or a whole image reference); "
          + "\"version\" and \"strategy\" are optional");
    }
    return releases.start(request.service().strip(), request.tag(), request.version(), request.chosen(releases))
        .thenApply(ReleasesApi::started);
  }

  private static ResponseEntity<Started> started(ReleaseStart start) {
    ResponseEntity.BodyBuilder answer = start.change().state() == ChangeResult.State.COMMITTED_NOT_APPLIED
        ? ResponseEntity.accepted() : ResponseEntity.status(HttpStatus.CREATED);
    return answer.location(URI.create("/api/v1/releases/" + start.release()))
        .body(new Started(start.release(), start.change()));
  }

  @PostMapping("/{name}/pause")
  CompletableFuture<ResponseEntity<ChangeResult>> pause(@PathVariable String name,
                                                        @RequestBody(required = false) Reason body) {
    return releases.pause(name, Reason.of(body)).thenApply(ServicesApi::answer);
  }

  @PostMapping("/{name}/resume")
  CompletableFuture<ResponseEntity<ChangeResult>> resume(@PathVariable String name,
                                                         @RequestBody(required = false) Reason body) {
    return releases.resume(name, Reason.of(body)).thenApply(ServicesApi::answer);
  }

  @PostMapping("/{name}/promote")
  CompletableFuture<ResponseEntity<ChangeResult>> promote(@PathVariable String name,
                                                          @RequestBody(required = false) Reason body) {
    return releases.promote(name, Reason.of(body)).thenApply(ServicesApi::answer);
  }

  @PostMapping("/{name}/abort")
  CompletableFuture<ResponseEntity<ChangeResult>> abort(@PathVariable String name,
                                                        @RequestBody(required = false) Reason body) {
    return releases.abort(name, Reason.of(body)).thenApply(ServicesApi::answer);
  }

  /** Moves the canary's weight off the plan; the release pauses there until resumed. */
  @PutMapping("/{name}/weight")
  CompletableFuture<ResponseEntity<ChangeResult>> weight(@PathVariable String name,
                                                         @RequestBody WeightRequest request) {
    if (request == null || request.weight() == null) {
      throw new InvalidChangeException("the body needs \"weight\": the canary's share of traffic, 0 to 100");
    }
    return releases.moveWeight(name, request.weight(), request.reason()).thenApply(ServicesApi::answer);
  }

  /** After promotion: reverts the commit in which the stable took the new version. */
  @PostMapping("/{name}/" + Release.RESTORE_PREVIOUS)
  CompletableFuture<ResponseEntity<ChangeResult>> restorePrevious(@PathVariable String name,
                                                                  @RequestBody(required = false) Reason body) {
    return releases.restorePrevious(name, Reason.of(body)).thenApply(ServicesApi::answer);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
