package dev.aviary.console.newcomer;

import com.vaadin.flow.component.html.Span;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * A feature as a newcomer might add it tomorrow, in a package no rule names: it builds a Vaadin component and calls
 * another system itself. {@code ArchitectureTest} shows its rules catch both without being edited.
 */
public final class Newcomer {

  private Newcomer() {
  }

  static Span label() {
    return new Span("new");
  }

  static HttpRequest call() {
    HttpClient.newHttpClient().close();
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build();
  }
}
