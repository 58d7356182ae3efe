package dev.aviary.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Aviary's console: a Vaadin app with server push, so cluster changes reach open pages without reload. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/aviary.css")
public class AviaryApplication implements AppShellConfigurator {

  public static void main(String[] args) {
    WebServerConfiguration.webSocketDefaults();
    SpringApplication.run(AviaryApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Aviary");
    settings.addFavIcon("icon", "icons/aviary.svg", "any");
    // Applies the remembered light/dark choice before the first paint, so the page never flashes the other one.
    settings.addInlineWithContents(
        "try{var t=localStorage.getItem('aviary-theme');if(t==='dark'){document.documentElement.setAttribute('theme','dark');}}catch(e){}",
        com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
  }
}
