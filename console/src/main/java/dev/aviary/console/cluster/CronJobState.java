package dev.aviary.console.cluster;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A CronJob and the Jobs it has made, newest last.
 *
 * @param lastScheduled  when it last started a Job, or null when never
 * @param lastSucceeded  when a Job of it last succeeded, or null when never
 */
public record CronJobState(String name, String schedule, boolean suspended, Instant lastScheduled,
                           Instant lastSucceeded, List<JobState> jobs) {

  public CronJobState {
    jobs = jobs.stream().sorted(Comparator.comparing(JobState::started,
        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
  }

  /** The newest run: the one whose outcome says how the CronJob is doing. */
  public Optional<JobState> lastRun() {
    return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.getLast());
  }
}
