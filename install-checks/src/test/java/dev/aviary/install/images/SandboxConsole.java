package dev.aviary.install.images;

import dev.aviary.install.Podman;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A console container on its sandbox that a browser on this machine can sign in to: the console's port and its
 * sign-in provider's are published under their own numbers (the browser is sent to each by number), as the image's
 * documentation asks of {@code docker run}.
 */
final class SandboxConsole implements AutoCloseable {

  private final Container container;
  private final int consolePort;

  private SandboxConsole(Container container, int consolePort) {
    this.container = container;
    this.consolePort = consolePort;
  }

  static SandboxConsole start(Podman podman, Map<String, String> environment) {
    int consolePort = Container.freePort();
    int signInPort = Container.freePort();
    Map<String, String> settings = new LinkedHashMap<>(environment);
    settings.put("PORT", String.valueOf(consolePort));
    settings.put("AVIARY_SANDBOX_SIGN_IN_PORT", String.valueOf(signInPort));
    Images.Shipped console = Images.Shipped.CONSOLE;
    Container container = Container.start(podman, console.tag(), console.volumes(), List.of(
        consolePort + ":" + consolePort, signInPort + ":" + signInPort, String.valueOf(console.readinessPort())),
        settings);
    return new SandboxConsole(container, consolePort);
  }

  Container container() {
    return container;
  }

  int consolePort() {
    return consolePort;
  }

  /** The console's start page, as a browser on this machine opens it. */
  URI home() {
    return URI.create("http://127.0.0.1:" + consolePort + "/");
  }

  @Override
  public void close() {
    container.close();
  }
}
