package dev.aviary.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import dev.aviary.console.cluster.ConnectionState;

/** Says, above a page's data, that the data is not live and since when; hidden while the watch is live. */
public class StaleNotice extends Div {

  public StaleNotice() {
    addClassName("aviary-banner");
    getElement().setAttribute("data-kind", "stale");
    getElement().setAttribute("role", "status");
    setId("stale-notice");
    setVisible(false);
  }

  /** Shows or hides the notice and dims the given data components while the connection is not live. */
  public void show(ConnectionState connection, Component... data) {
    boolean stale = connection.status() == ConnectionState.Status.STALE;
    setVisible(stale);
    setText(stale ? connection.detail() : "");
    for (Component c : data) {
      c.getElement().getClassList().set("aviary-stale", stale);
    }
  }
}
