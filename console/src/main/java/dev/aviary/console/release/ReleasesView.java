package dev.aviary.console.release;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Canary releases. This version of Aviary cannot run them yet, and says so instead of showing an empty list. */
@RolesAllowed("VIEWER")
@Route(value = "releases", layout = MainLayout.class)
@PageTitle("Releases · Aviary")
class ReleasesView extends Div {

  ReleasesView() {
    addClassName("aviary-page");
    Paragraph text = new Paragraph("Canary releases are not available in this version of Aviary. "
        + "Services and their live readiness are under Services; every change Aviary has applied is under History.");
    text.setId("releases-unavailable");
    add(new H2("Releases"), text);
  }
}
