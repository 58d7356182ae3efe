package dev.aviary.console.settings;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.notifications.NotificationService;
import dev.aviary.console.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where the console points, so an operator can tell at a glance which cluster and repository it is, and whom it
 * tells what happens (admins can send a test notice).
 */
@RolesAllowed("VIEWER")
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings · Aviary")
class SettingsView extends Div {

  SettingsView(SettingsService settings, NotificationService notifications) {
    addClassName("aviary-page");
    SettingsSummary s = settings.summary();
    FormLayout cluster = new FormLayout();
    cluster.addFormItem(value(s.sandbox() ? "Sandbox (simulated)" : s.clusterName()), "Cluster");
    cluster.addFormItem(value(s.apiServer()), "API server");
    cluster.addFormItem(value(String.join(", ", s.namespaces())), "Managed namespaces");
    if (!s.kubeconfigHint().isEmpty()) {
      cluster.addFormItem(value(s.kubeconfigHint()), "kubectl");
    }
    FormLayout git = new FormLayout();
    git.addFormItem(value(s.gitRemote()), "Remote");
    git.addFormItem(value(s.gitBranch()), "Branch");
    git.addFormItem(value(s.gitPath()), "Manifests folder");
    git.addFormItem(value(s.dataDirectory()), "Data directory");
    add(new H2("Settings"), new H3("Cluster"), cluster, new H3("Git"), git, new H3("Notifications"),
        new NotificationDestinations(notifications), new H3("Subscriptions"),
        new NotificationSubscriptions(notifications));
    setId("settings");
  }

  private static Span value(String text) {
    Span span = new Span(text);
    span.addClassName("aviary-mono");
    return span;
  }
}
