package dev.aviary.console;

import dev.aviary.console.sandbox.SandboxEnvironment;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * The whole console on its sandbox, serving on a random port, for tests that call it over HTTP as a script would
 * with the sandbox provider's tokens. The family shares one data directory and these settings, so Spring starts one
 * console for all of its classes; a class that needs other settings is no member (it would need a console of its
 * own and must not share this one's data directory).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aviary.sandbox.ready-delay=100ms"})
public abstract class SandboxApiTest {

  private static final Path DATA = SandboxConsoleTest.newDataDirectory("api-");

  @LocalServerPort
  protected int port;
  @Autowired
  protected SandboxEnvironment sandbox;
  @Autowired
  protected SandboxIdentityProvider provider;
  protected final HttpClient http = HttpClient.newHttpClient();
  protected final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", DATA::toString);
  }

  /** The console's API, as the sandbox's demo users call it. */
  protected ConsoleApi api() {
    return new ConsoleApi(port, provider);
  }
}
