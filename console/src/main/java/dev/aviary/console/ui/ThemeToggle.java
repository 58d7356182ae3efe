package dev.aviary.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Switches between Lumo's light and dark variants. The choice is kept in the browser's local storage and applied
 * by the page before first paint (see the app shell), so it survives reloads and sessions.
 */
class ThemeToggle extends Button {

  ThemeToggle() {
    super(VaadinIcon.ADJUST.create());
    addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    setAriaLabel("Switch between light and dark theme");
    setTooltipText("Light / dark");
    setId("theme-toggle");
    addClickListener(e -> getElement().executeJs("""
        const root = document.documentElement;
        const dark = root.getAttribute('theme') !== 'dark';
        if (dark) { root.setAttribute('theme', 'dark'); } else { root.removeAttribute('theme'); }
        try { localStorage.setItem('aviary-theme', dark ? 'dark' : 'light'); } catch (e) {}
        """));
  }
}
