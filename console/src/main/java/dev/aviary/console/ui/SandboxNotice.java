package dev.aviary.console.ui;

import com.vaadin.flow.component.html.Div;
import dev.aviary.console.cluster.ClusterInfo;

/** The plain statement that the console is looking at the sandbox, not a real cluster. */
public class SandboxNotice extends Div {

  public SandboxNotice(ClusterInfo info) {
    addClassName("aviary-banner");
    getElement().setAttribute("data-kind", "sandbox");
    setId("sandbox-notice");
    setText("Sandbox: a simulated cluster on " + info.server() + ". Workloads, pods and events are simulated; "
        + "changes still go through Git. Point aviary.cluster.kubeconfig at a real cluster to manage it.");
    setVisible(info.sandbox());
  }
}
