package dev.aviary.console.notifications;

import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.console.notifications.NotificationService.FromGit;
import dev.aviary.console.notifications.NotificationService.ActiveSubscription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a team's annotations in Git subscribe, and why an annotation that cannot be taken is not. */
class SubscriptionAnnotationsTest {

  static final Set<String> CONFIGURED = Set.of("oncall", "team-docs");

  @Test
  void an_annotation_on_a_services_manifest_routes_that_services_notices_to_the_destination_it_names() {
    FromGit found = read(annotate("base/webapi/service.yaml",
        "notifications.aviary.dev/team-docs: \"release-*, service-degraded\""));

    assertThat(found.problems()).isEmpty();
    assertThat(found.subscriptions()).singleElement().satisfies(route -> {
      assertThat(route.subscription().events()).containsExactly("release-*", "service-degraded");
      assertThat(route.subscription().services()).containsExactly("webapi");
      assertThat(route.subscription().destinations()).containsExactly("team-docs");
      assertThat(route.from()).isEqualTo("Git: base/webapi/service.yaml");
      assertThat(route.subscription().covers(notice(NoticeKind.RELEASE_ROLLED_BACK, "webapi"))).isTrue();
      assertThat(route.subscription().covers(notice(NoticeKind.RELEASE_ROLLED_BACK, "document-processor")))
          .isFalse();
      assertThat(route.subscription().covers(notice(NoticeKind.SERVICE_RECOVERED, "webapi"))).isFalse();
    });
  }

  @Test
  void the_same_annotation_on_two_versions_of_a_service_is_one_subscription() {
    RepositoryFiles files = annotate("base/webapi/deployment-v1.yaml",
        "notifications.aviary.dev/team-docs: \"release-*\"");
    String v1 = files.readAt("", "base/webapi/deployment-v1.yaml").orElseThrow();
    files.with("base/webapi/deployment-v2.yaml", v1.replace("v1", "v2"));
    files.with("base/webapi/kustomization.yaml", files.readAt("", "base/webapi/kustomization.yaml").orElseThrow()
        .replace("  - deployment-v1.yaml\n", "  - deployment-v1.yaml\n  - deployment-v2.yaml\n"));

    FromGit found = read(files);

    assertThat(found.subscriptions()).extracting(ActiveSubscription::from)
        .containsExactly("Git: base/webapi/deployment-v1.yaml");
  }

  @Test
  void an_annotation_that_cannot_be_taken_is_reported_with_its_file_object_and_reason_and_the_rest_still_count() {
    RepositoryFiles files = annotate("base/webapi/service.yaml", """
        notifications.aviary.dev/team-chat: "release-*"
            notifications.aviary.dev/oncall: "release-rolledback"
            notifications.aviary.dev/team-docs: "service-*, signals-unavailable"
            prometheus.io/scrape: "true\"""");
    files = annotate(files, "base/webapi/config-map.yaml", "notifications.aviary.dev/oncall: \"release-*\"");
    files = annotate(files, "base/namespace.yaml", "notifications.aviary.dev/oncall: \"release-*\"");

    FromGit found = read(files);

    assertThat(found.subscriptions()).extracting(r -> r.subscription().services().getFirst() + " -> "
        + r.subscription().destinations().getFirst()).containsExactly("webapi -> oncall");
    assertThat(found.problems()).containsExactly(
        "base/namespace.yaml (Namespace document-processing), annotation notifications.aviary.dev/oncall: the "
            + "object has no app label, so the annotation names no service",
        "base/webapi/service.yaml (Service webapi), annotation notifications.aviary.dev/team-chat: no destination "
            + "'team-chat' is configured under aviary.notifications.destinations",
        "base/webapi/service.yaml (Service webapi), annotation notifications.aviary.dev/oncall: no notice is "
            + "called 'release-rolledback' (known: release-started, release-paused, release-resumed, "
            + "release-rolled-back, release-promoted, release-restored, service-degraded, service-missing, "
            + "service-recovered, service-out-of-sync, change-not-applied, signals-unavailable, test)",
        "base/webapi/service.yaml (Service webapi), annotation notifications.aviary.dev/team-docs: "
            + "'signals-unavailable' is about no one service: subscribe to it in the console's configuration");
  }

  @Test
  void an_annotation_with_no_notices_is_reported_not_taken_as_all() {
    FromGit found = read(annotate("base/webapi/service.yaml", "notifications.aviary.dev/oncall: \" , \""));

    assertThat(found.subscriptions()).isEmpty();
    assertThat(found.problems()).singleElement().asString()
        .endsWith("notifications.aviary.dev/oncall: name at least one kind of notice, e.g. release-*");
  }

  private static FromGit read(RepositoryFiles files) {
    return SubscriptionAnnotations.read(new ManifestSet(files, "base"), CONFIGURED);
  }

  private static RepositoryFiles annotate(String file, String annotations) {
    return annotate(RepositoryFiles.platformManifests(), file, annotations);
  }

  private static RepositoryFiles annotate(RepositoryFiles files, String file, String annotations) {
    return files.with(file, withAnnotations(files.readAt("", file).orElseThrow(), annotations));
  }

  /** A manifest with annotations added under its metadata, as a team's commit adds them. */
  static String withAnnotations(String manifest, String annotations) {
    return manifest.replaceFirst("metadata:\n", "metadata:\n  annotations:\n    "
        + java.util.regex.Matcher.quoteReplacement(annotations) + "\n");
  }

  static Notice notice(NoticeKind kind, String service) {
    return NotificationServiceTest.notice(kind, service);
  }
}
