package dev.aviary.console.ui;

import com.vaadin.flow.component.html.Span;
import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ConnectionState;

/** Which cluster the console is connected to, and whether what it shows is live. */
class ClusterBadge extends Span {

  private final Span connection = new Span();

  ClusterBadge(ClusterState state) {
    ClusterInfo info = state.info();
    Span cluster = new Span(info.sandbox() ? "Sandbox · simulated cluster" : info.name());
    cluster.addClassName("aviary-badge");
    cluster.getElement().setAttribute("data-kind", info.sandbox() ? "sandbox" : "cluster");
    cluster.getElement().setAttribute("title", info.server());
    cluster.setId("cluster-badge");
    connection.addClassName("aviary-badge");
    connection.setId("connection-badge");
    getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-s)").set("align-items", "center");
    add(cluster, connection);
    ClusterUpdates.bind(this, state, snapshot -> show(snapshot.connection()));
  }

  private void show(ConnectionState state) {
    connection.getElement().setAttribute("data-state", state.status().name());
    connection.setText(switch (state.status()) {
      case LIVE -> "● live";
      case CONNECTING -> "connecting…";
      case STALE -> "● stale";
    });
    connection.getElement().setAttribute("title", state.detail());
  }
}
