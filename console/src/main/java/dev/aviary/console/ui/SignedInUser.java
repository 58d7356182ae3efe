package dev.aviary.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is signed in and with which role, and the way out (which also ends the provider's session). */
class SignedInUser extends HorizontalLayout {

  SignedInUser(AuthenticationContext authentication) {
    setAlignItems(Alignment.CENTER);
    setSpacing(false);
    addClassName("aviary-user");
    Span who = new Span(authentication.getAuthenticatedUser(OidcUser.class)
        .map(u -> u.getFullName() != null ? u.getFullName() : u.getPreferredUsername())
        .or(authentication::getPrincipalName).orElse("") + " · " + role(authentication));
    who.setId("signed-in-user");
    Button signOut = new Button(VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
    signOut.setId("sign-out");
    signOut.setTooltipText("Sign out");
    signOut.setAriaLabel("Sign out");
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    add(who, signOut);
  }

  private static String role(AuthenticationContext authentication) {
    return authentication.hasRole("ADMIN") ? "Admin" : authentication.hasRole("OPERATOR") ? "Operator"
        : authentication.hasRole("VIEWER") ? "Viewer" : "no role";
  }
}
