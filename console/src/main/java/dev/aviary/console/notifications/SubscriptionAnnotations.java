package dev.aviary.console.notifications;

import dev.aviary.console.gitops.ManifestReader.Manifest;
import dev.aviary.console.gitops.Manifests;
import dev.aviary.console.notifications.NotificationService.FromGit;
import dev.aviary.console.notifications.NotificationService.ActiveSubscription;
import dev.aviary.console.notifications.NotificationsProperties.Subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions a team makes by a commit: an annotation {@code notifications.aviary.dev/<destination>} on any of a
 * service's manifests (those labelled {@code app: <service>}), whose value lists the notices to send there, e.g.
 * {@code "release-*, service-degraded"}. The destinations themselves, with their URLs and keys, stay in the console's
 * configuration; an annotation only routes that service's notices to one of them.
 */
final class SubscriptionAnnotations {

  static final String PREFIX = "notifications.aviary.dev/";

  private SubscriptionAnnotations() {
  }

  /** The subscriptions the manifests' annotations make, and each annotation that cannot be taken with the reason. */
  static FromGit read(Manifests manifests, Set<String> destinations) {
    Map<Subscription, ActiveSubscription> taken = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Manifest manifest : manifests.all()) {
      annotations(manifest).forEach((name, value) -> {
        String key = String.valueOf(name);
        if (!key.startsWith(PREFIX)) {
          return;
        }
        String where = manifest.file() + " (" + manifest.object().get("kind") + " " + Manifests.name(manifest)
            + "), annotation " + key;
        Subscription subscription = new Subscription(Arrays.stream(String.valueOf(value).split(","))
            .map(String::strip).filter(e -> !e.isEmpty()).toList(), List.of(Manifests.label(manifest, "app")),
            List.of(key.substring(PREFIX.length())));
        problem(subscription, destinations).ifPresentOrElse(p -> problems.add(where + ": " + p),
            // A new version's Deployment is a copy of the old one's, annotations and all: one route for both.
            () -> taken.putIfAbsent(subscription, new ActiveSubscription(subscription, "Git: " + manifest.file())));
      });
    }
    return new FromGit(List.copyOf(taken.values()), List.copyOf(problems));
  }

  private static Optional<String> problem(Subscription subscription, Set<String> destinations) {
    if (subscription.services().getFirst().isEmpty()) {
      return Optional.of("the object has no app label, so the annotation names no service");
    }
    return subscription.eventsProblem()
        .or(() -> subscription.events().stream().filter(SubscriptionAnnotations::aboutNoService).findFirst()
            .map(e -> "'" + e + "' is about no one service: subscribe to it in the console's configuration"))
        .or(() -> subscription.destinationsProblem(destinations));
  }

  private static boolean aboutNoService(String pattern) {
    return Arrays.stream(NoticeKind.values()).noneMatch(k -> k.aboutAService() && k.matches(pattern));
  }

  private static Map<?, ?> annotations(Manifest manifest) {
    return Manifests.field(manifest.object(), "metadata", "annotations").filter(Map.class::isInstance)
        .map(Map.class::cast).orElse(Map.of());
  }
}
