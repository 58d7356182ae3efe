package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Jobs run one pod at a time until {@code completions} have succeeded: a pod's work takes as long as a pod takes to
 * turn ready, then it Succeeds. A pod whose image tag ends in {@code -broken} fails instead, and the Job fails once
 * its pods have failed more than {@code backoffLimit} times, with the conditions and events a real cluster gives.
 */
final class JobController {

  private static final String COMPONENT = "job-controller";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final SimulatorSettings settings;
  private final Clock clock;

  JobController(KubernetesClient client, EventRecorder events, SimulatorSettings settings, Clock clock) {
    this.client = client;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  void reconcile(Job job, List<Pod> owned) {
    if (finished(job) || Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      return;
    }
    owned.stream().filter(p -> "Running".equals(phase(p))).forEach(this::finishWork);
    int succeeded = (int) owned.stream().filter(p -> "Succeeded".equals(phase(p))).count();
    int failed = (int) owned.stream().filter(p -> "Failed".equals(phase(p))).count();
    int active = (int) owned.stream().filter(p -> !Pods.terminating(p) && !"Succeeded".equals(phase(p))
        && !"Failed".equals(phase(p))).count();
    int completions = Objects.requireNonNullElse(job.getSpec().getCompletions(), 1);
    int backoffLimit = Objects.requireNonNullElse(job.getSpec().getBackoffLimit(), 6);
    List<JobCondition> conditions = new ArrayList<>();
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    if (succeeded >= completions) {
      conditions.add(condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods",
          now));
      conditions.add(condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
      events.normal(job, COMPONENT, "Completed", "Job completed");
    } else if (failed > backoffLimit) {
      conditions.add(condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
          now));
      conditions.add(condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now));
      events.warning(job, COMPONENT, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    } else if (active == 0) {
      Pod pod = client.pods().inNamespace(job.getMetadata().getNamespace()).resource(newPod(job)).create();
      events.normal(job, COMPONENT, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
      active = 1;
    }
    String started = job.getStatus() != null && job.getStatus().getStartTime() != null
        ? job.getStatus().getStartTime() : now;
    JobStatus status = new JobStatusBuilder().withStartTime(started).withActive(conditions.isEmpty() ? active : 0)
        .withSucceeded(succeeded).withFailed(failed).withReady(0).withConditions(conditions)
        .withCompletionTime(succeeded >= completions ? now : null).build();
    if (!status.equals(job.getStatus())) {
      Writes.ignoringConflicts(() -> client.resource(new JobBuilder(job).withStatus(status).build()).updateStatus());
    }
  }

  /** A running pod has done its work after twice the ready delay: it exits, 0 unless its image is broken. */
  private void finishWork(Pod pod) {
    Instant started = Instant.parse(pod.getStatus().getStartTime());
    if (Duration.between(started, clock.instant()).compareTo(settings.readyDelay().multipliedBy(2)) < 0) {
      return;
    }
    boolean broken = pod.getSpec().getContainers().stream()
        .anyMatch(c -> c.getImage() != null && c.getImage().endsWith(SimulatorSettings.BROKEN_SUFFIX));
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    var containers = pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder().withName(c.getName())
        .withImage(c.getImage()).withReady(false).withRestartCount(0).withNewState().withNewTerminated()
        .withExitCode(broken ? 1 : 0).withReason(broken ? "Error" : "Completed").withStartedAt(pod.getStatus()
            .getStartTime()).withFinishedAt(now).endTerminated().endState().build()).toList();
    Pod done = new PodBuilder(pod).withStatus(new PodStatusBuilder(pod.getStatus()).withPhase(broken ? "Failed"
        : "Succeeded").withConditions(Pods.condition("Ready", false, now)).withContainerStatuses(containers).build())
        .build();
    Writes.ignoringConflicts(() -> client.resource(done).updateStatus());
  }

  private Pod newPod(Job job) {
    var template = job.getSpec().getTemplate();
    String suffix = Pods.randomSuffix();
    return new PodBuilder().withNewMetadata().withName(job.getMetadata().getName() + "-" + suffix)
        .withNamespace(job.getMetadata().getNamespace()).withLabels(template.getMetadata() == null ? null
            : template.getMetadata().getLabels()).addToLabels("job-name", job.getMetadata().getName())
        .withOwnerReferences(Pods.controlledBy(job, "batch/v1", "Job"))
        .endMetadata().withSpec(template.getSpec()).editSpec().withNodeName("sandbox-node-"
            + (1 + Math.floorMod(suffix.hashCode(), settings.nodes()))).endSpec()
        .withStatus(new PodStatusBuilder().withPhase("Pending").build()).build();
  }

  private static boolean finished(Job job) {
    return job.getStatus() != null && job.getStatus().getConditions().stream().anyMatch(c -> "True".equals(
        c.getStatus()) && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
  }

  private static JobCondition condition(String type, String reason, String message, String now) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(now).withLastTransitionTime(now).build();
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? "Pending" : Objects.requireNonNullElse(pod.getStatus().getPhase(), "Pending");
  }
}
