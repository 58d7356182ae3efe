package dev.aviary.console.release;

import dev.aviary.console.analysis.CanaryCounts;
import dev.aviary.console.analysis.Measurements;
import dev.aviary.console.routing.RequestMatch;

import java.time.Duration;
import java.util.Optional;

/**
 * What the release machine asks of the world: the cluster's state, the golden signals, and changes through the
 * GitOps pipeline. Every change returns the commit it made, or "" when Git already said so, which is what makes
 * repeating a step after a restart harmless.
 */
public interface ReleaseWorld {

  /** Why the canary is not serving yet, or empty once all its pods are ready. */
  Optional<String> canaryNotReady(ReleaseSpec release);

  /** Why the stable Deployment has not finished rolling out its new template yet, or empty once it has. */
  Optional<String> stableNotRolledOut(ReleaseSpec release);

  /** The canary's weight in the cluster's live routing, when the route names it. */
  Optional<Integer> liveCanaryWeight(ReleaseSpec release);

  Measurements measure(ReleaseSpec release, Duration window);

  /**
   * What the canary and the stable served over the last {@code counted} (since the canary started taking traffic),
   * and their latency over the last {@code timed} (from the end of the warm-up; not counted while it is not positive).
   */
  CanaryCounts count(ReleaseSpec release, Duration counted, Duration timed);

  /** Routes {@code weight}% to the canary and the rest to stable. */
  String setCanaryWeight(ReleaseSpec release, int weight, String why);

  /** Requests matching {@code match} to the canary ahead of the weights. */
  String routeMatching(ReleaseSpec release, RequestMatch match, String why);

  /** {@code percent} of the traffic mirrored to the canary, its answers dropped; 0 stops mirroring to it. */
  String mirror(ReleaseSpec release, int percent, String why);

  /** The service's preview route answers with the canary; users' traffic stays where it is. */
  String preview(ReleaseSpec release, String why);

  /**
   * All traffic to stable (no request route, mirror or preview to the canary either) and the canary scaled to zero, in one
   * commit {@code rollback: <reason>}.
   */
  String rollBack(ReleaseSpec release, String reason, String figures);

  /** The stable Deployment takes the canary's pod template. */
  String adoptCanaryTemplate(ReleaseSpec release);

  /** Removes the canary's Deployment and its routing. */
  String removeCanary(ReleaseSpec release);
}
