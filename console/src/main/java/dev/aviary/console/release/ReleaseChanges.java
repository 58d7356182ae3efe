package dev.aviary.console.release;

import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.routing.RequestMatch;
import dev.aviary.console.routing.TrafficRouting;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The commits a release is made of, as intents for the GitOps pipeline. */
@Component
class ReleaseChanges {

  /** Starting a release: the API's, the trailer's and the audit's name for it. */
  static final String START = "start-release";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern VERSION = Pattern.compile("[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?");

  private final GitWorkspace workspace;
  private final GitProperties git;
  private final CanaryManifests canary;

  ReleaseChanges(GitWorkspace workspace, GitProperties git, TrafficRouting routing) {
    this.workspace = workspace;
    this.git = git;
    this.canary = new CanaryManifests(routing.routers());
  }

  /** The manifests at the remote's head, after a fetch. Blocks on Git. */
  ManifestSet manifests() {
    workspace.sync();
    return new ManifestSet(workspace, git.path());
  }

  /**
   * A release of {@code tag} for the service, as the manifests stand: the version it replaces is the one with the
   * most traffic, the new version is named {@code version} or the next free {@code v<n>}.
   *
   * @throws InvalidChangeException naming what is wrong with the tag, the version or the service
   */
  ReleaseSpec propose(ManifestSet manifests, String service, String tag, String version, ReleasePlan plan,
                      String startedBy) {
    // First, so a service that is not a Deployment (a store's StatefulSet) is refused saying so.
    List<ManifestReader.Manifest> deployments = manifests.deploymentsOf(service);
    String stable = canary.stableVersion(manifests, service);
    List<String> versions = new ArrayList<>(deployments.stream()
        .map(d -> ManifestSet.label(d, "version")).toList());
    // Versions of earlier releases count as taken even once their Deployments are gone: their records stay.
    manifests.ofKind(ReleaseManifest.KIND).stream()
        .filter(r -> service.equals(ManifestSet.field(r.object(), "spec", "service").orElse(null)))
        .forEach(r -> versions.add(String.valueOf(ManifestSet.field(r.object(), "spec", "canaryVersion").orElse(""))));
    String canaryVersion = version == null || version.isBlank() ? nextVersion(versions) : version.strip();
    if (!VERSION.matcher(canaryVersion).matches()) {
      throw new InvalidChangeException("version name '" + canaryVersion + "' must be lower-case letters, digits and "
          + "dashes (it becomes part of a Deployment name)");
    }
    if (versions.contains(canaryVersion)) {
      throw new InvalidChangeException("service " + service + " already has a version " + canaryVersion);
    }
    return new ReleaseSpec(service, stable, canaryVersion, image(manifests, service, stable, tag), plan, startedBy,
        null);
  }

  private static String nextVersion(List<String> versions) {
    int highest = versions.stream().filter(v -> v.matches("v\\d+")).mapToInt(v -> Integer.parseInt(v.substring(1)))
        .max().orElse(0);
    return "v" + (highest + 1);
  }

  /** The stable image's repository with the new tag; a full image reference is taken as it is. */
  @SuppressWarnings("unchecked")
  private static String image(ManifestSet manifests, String service, String stable, String tag) {
    String t = tag == null ? "" : tag.strip();
    if (t.contains("/") || t.contains(":")) {
      if (t.contains(" ")) {
        throw new InvalidChangeException("image '" + t + "' must not contain spaces");
      }
      return t;
    }
    if (!TAG.matcher(t).matches()) {
      throw new InvalidChangeException("image tag '" + t + "' is not a valid tag (letters, digits, '_', '.', '-'; "
          + "at most 128)");
    }
    ManifestReader.Manifest deployment = manifests.deployment(service, stable);
    String current = String.valueOf(ManifestSet.field(deployment.object(), "spec", "template", "spec", "containers", 0,
        "image").orElseThrow(() -> new InvalidChangeException(ManifestSet.name(deployment) + " has no image")));
    int colon = current.lastIndexOf(':');
    String repository = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
    return repository + ":" + t;
  }

  Intent start(ReleaseSpec spec) {
    String how = spec.plan().strategy() == ReleaseStrategy.CANARY ? ""
        : spec.plan().strategy().label().toLowerCase(java.util.Locale.ROOT) + " ";
    return new ReleaseEdit(spec.service(), START, "start " + how + "release " + spec.canaryVersion() + " ("
        + spec.image() + ") at 0%", manifests -> {
      String stable = canary.stableVersion(manifests, spec.service());
      if (!stable.equals(spec.stableVersion())) {
        throw new InvalidChangeException("the stable version of " + spec.service() + " changed to " + stable
            + " while the release was prepared; start it again");
      }
      ManifestReader.Manifest stableDeployment = manifests.deployment(spec.service(), spec.stableVersion());
      canary.addCanary(manifests, spec);
      String file = ManifestSet.sibling(stableDeployment.file(), "release-" + spec.canaryVersion() + ".yaml");
      String namespace = String.valueOf(ManifestSet.field(stableDeployment.object(), "metadata", "namespace")
          .orElseThrow(() -> new InvalidChangeException(ManifestSet.name(stableDeployment) + " names no namespace")));
      manifests.write(file, ReleaseManifest.text(spec, namespace));
      manifests.include(file);
    });
  }

  Intent setCanaryWeight(ReleaseSpec spec, int weight, String why) {
    return new ReleaseEdit(spec.service(), "release-step", "release " + spec.canaryVersion() + ": " + why,
        manifests -> canary.setCanaryWeight(manifests, spec, weight));
  }

  Intent routeMatching(ReleaseSpec spec, RequestMatch match, String why) {
    return new ReleaseEdit(spec.service(), "release-step", "release " + spec.canaryVersion() + ": " + why,
        manifests -> canary.routeMatching(manifests, spec, match));
  }

  Intent mirror(ReleaseSpec spec, int percent, String why) {
    return new ReleaseEdit(spec.service(), "release-step", "release " + spec.canaryVersion() + ": " + why,
        manifests -> canary.mirror(manifests, spec, percent));
  }

  Intent preview(ReleaseSpec spec, String why) {
    return new ReleaseEdit(spec.service(), "release-step", "release " + spec.canaryVersion() + ": " + why,
        manifests -> canary.preview(manifests, spec));
  }

  Intent rollBack(ReleaseSpec spec, String reason) {
    return new ReleaseEdit(spec.service(), "rollback", "rollback: " + reason, manifests -> {
      canary.allToStable(manifests, spec);
      canary.scaleCanaryToZero(manifests, spec);
    });
  }

  Intent adoptCanaryTemplate(ReleaseSpec spec) {
    return new ReleaseEdit(spec.service(), "promote", "promote: " + spec.stableDeployment() + " takes "
        + spec.canaryVersion() + "'s pod template (" + spec.image() + ")",
        manifests -> canary.adoptCanaryTemplate(manifests, spec));
  }

  Intent removeCanary(ReleaseSpec spec) {
    return new ReleaseEdit(spec.service(), "promote", "promote: remove canary " + spec.canaryDeployment(),
        manifests -> canary.removeCanary(manifests, spec));
  }

  /**
   * An operator's word on a release, recorded in its manifest. Aborting also moves all traffic to stable and scales
   * the canary to zero in the same commit, and moving the weight sets it, so neither waits for the controller.
   */
  Intent steer(ReleaseSpec spec, Steering steering) {
    String name = ReleaseManifest.name(spec);
    String summary = switch (steering.action()) {
      case ABORT -> "rollback: aborted by " + steering.by();
      case SET_WEIGHT -> "release " + spec.canaryVersion() + ": operator moves it to " + steering.weight() + "%";
      default -> steering.action().word() + " release " + spec.canaryVersion();
    };
    return new ReleaseEdit(spec.service(), steering.action().word(), summary, manifests -> {
      ReleaseManifest.steer(manifests, name, steering);
      if (steering.action() == Steering.Action.ABORT) {
        canary.allToStable(manifests, spec);
        canary.scaleCanaryToZero(manifests, spec);
      } else if (steering.action() == Steering.Action.SET_WEIGHT) {
        canary.setCanaryWeight(manifests, spec, steering.weight());
      }
    });
  }
}
