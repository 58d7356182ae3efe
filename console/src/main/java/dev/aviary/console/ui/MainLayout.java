package dev.aviary.console.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aviary.console.cluster.ClusterState;
import jakarta.annotation.security.PermitAll;

/**
 * The shell every page sits in: navigation, the cluster badge, who is signed in, the theme switch. Navigation targets are paths, not
 * view classes, so the shell depends on no feature.
 */
@PermitAll
public class MainLayout extends AppLayout {

  public MainLayout(ClusterState cluster, AuthenticationContext authentication) {
    H1 brand = new H1("Aviary");
    brand.addClassName("aviary-brand");
    Span spacer = new Span();
    HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), brand, spacer, new ClusterBadge(cluster),
        new SignedInUser(authentication), new ThemeToggle());
    bar.setWidthFull();
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    bar.setFlexGrow(1, spacer);
    bar.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(bar);

    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Overview", "", VaadinIcon.DASHBOARD.create()),
        new SideNavItem("Services", "services", VaadinIcon.CLUSTER.create()),
        new SideNavItem("Releases", "releases", VaadinIcon.ROCKET.create()),
        new SideNavItem("History", "history", VaadinIcon.TIME_BACKWARD.create()),
        new SideNavItem("Settings", "settings", VaadinIcon.COG.create()));
    if (authentication.hasRole("ADMIN")) {
      nav.addItem(new SideNavItem("Audit", "audit", VaadinIcon.CLIPBOARD_USER.create()));
    }
    nav.setId("main-nav");
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }
}
