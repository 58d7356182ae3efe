package dev.aviary.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.aviary.console.gitops.ChangeEvents;
import dev.aviary.console.gitops.GitChange;

/** Keeps a component told of new commits on the GitOps branch while it is attached (see {@link LiveUpdates}). */
public final class GitUpdates {

  private GitUpdates() {
  }

  public static Registration bind(Component component, ChangeEvents events, SerializableConsumer<GitChange> onChange) {
    return LiveUpdates.onEvents(component, listener -> events.subscribe(listener::accept)::close, onChange);
  }
}
