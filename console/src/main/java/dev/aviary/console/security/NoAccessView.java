package dev.aviary.console.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;

import java.util.List;

/**
 * What a signed-in person sees on a page their role does not open (everything, for someone in no Aviary group):
 * who they are to Aviary, the groups their token brought and which groups give which role, so they know whom to
 * ask for what, instead of a bare "could not navigate".
 */
@PermitAll
@PageTitle("No access · Aviary")
class NoAccessView extends Div implements HasErrorParameter<AccessDeniedException> {

  private final RoleMapping roles;
  private final AuthenticationContext authentication;
  private final CurrentOperator operator;

  NoAccessView(RoleMapping roles, AuthenticationContext authentication, CurrentOperator operator) {
    this.roles = roles;
    this.authentication = authentication;
    this.operator = operator;
    addClassName("aviary-page");
    setId("no-access");
  }

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    removeAll();
    Authentication who = operator.signedIn().orElse(null);
    if (who == null) {
      add(new H2("Sign in first"));
      return HttpServletResponse.SC_FORBIDDEN;
    }
    Identity identity = CurrentOperator.identityOf(who);
    Role held = CurrentOperator.held(who);
    add(new H2("This page is not open to you"),
        text("who", "You are signed in as " + identity.name() + " <" + identity.email() + ">, "
            + (held == null ? "with no Aviary role." : "with the " + held.label() + " role.")),
        text("groups", groupsLine(roles.groups(CurrentOperator.claims(who)))),
        new Paragraph("Aviary gives its roles to these groups; ask your identity provider's administrator to add you "
            + "to one:"),
        mapping(),
        actions(held));
    return HttpServletResponse.SC_FORBIDDEN;
  }

  private String groupsLine(List<String> groups) {
    return groups.isEmpty() ? "Your sign-in brought no groups in the claim \"" + roles.groupsClaim() + "\"."
        : "Your groups (claim \"" + roles.groupsClaim() + "\"): " + String.join(", ", groups) + ".";
  }

  private UnorderedList mapping() {
    UnorderedList list = new UnorderedList();
    list.setId("role-groups");
    for (Role role : Role.values()) {
      list.add(new ListItem(role.label() + ": " + String.join(", ", roles.groupsGiving(role))));
    }
    return list;
  }

  private Div actions(Role held) {
    Button signOut = new Button("Sign out", click -> authentication.logout());
    signOut.setId("no-access-sign-out");
    signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Div actions = new Div(signOut);
    if (held != null) {
      Anchor overview = new Anchor("", "Back to the overview");
      overview.getStyle().set("margin-left", "var(--lumo-space-m)");
      actions.add(overview);
    }
    return actions;
  }

  private static Paragraph text(String id, String text) {
    Paragraph paragraph = new Paragraph(text);
    paragraph.setId("no-access-" + id);
    return paragraph;
  }
}
