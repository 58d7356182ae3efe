package dev.aviary.sandbox.signin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The sandbox's OpenID Connect provider: Spring Authorization Server on 127.0.0.1 with one demo user per Aviary
 * role, so that the sandbox signs in through the same OAuth2 login as a production install. It binds the loopback
 * address at a free port unless told otherwise ({@link Listen}), and the console starts it only when it runs on its
 * sandbox.
 */
public final class SandboxIdentityProvider implements AutoCloseable {

  /**
   * What the provider is started with.
   *
   * @param clientId    the console's client id
   * @param apiAudience the audience the console's API expects in access tokens
   */
  public record Settings(String clientId, String apiAudience) {
  }

  /**
   * Where the provider listens. In a container the browser reaches it through a published port, so it must listen on
   * every address, at a port published under the same number: the issuer the browser is sent to is the one the console
   * reaches it at from inside.
   *
   * @param address the address to bind; for a wildcard (0.0.0.0) the issuer names 127.0.0.1
   * @param port    the port; 0 takes a free one
   */
  public record Listen(String address, int port) {

    /** The default: the loopback address at a free port, reachable from this machine only. */
    public static final Listen LOOPBACK = new Listen("127.0.0.1", 0);

    String issuerHost() {
      return address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
    }
  }

  private final ConfigurableApplicationContext context;
  private final Settings settings;
  private final Listen listen;
  private final String clientSecret;

  private SandboxIdentityProvider(ConfigurableApplicationContext context, Settings settings, Listen listen) {
    this.context = context;
    this.settings = settings;
    this.listen = listen;
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    this.clientSecret = HexFormat.of().formatHex(secret);
  }

  public static SandboxIdentityProvider start(Settings settings) {
    return start(settings, Listen.LOOPBACK);
  }

  public static SandboxIdentityProvider start(Settings settings, Listen listen) {
    SpringApplication app = new SpringApplication(ProviderConfiguration.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    // Logging belongs to the application that embeds the provider: do not let this context reset it.
    app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("settings", settings));
    ConfigurableApplicationContext context = app.run("--spring.config.name=aviary-sandbox-idp",
        "--server.address=" + listen.address(), "--server.port=" + listen.port(), "--server.servlet.session.timeout=8h",
        // Tomcat runs filters only in front of a servlet: the default one answers 404 behind the security filters.
        "--server.servlet.register-default-servlet=true");
    return new SandboxIdentityProvider(context, settings, listen);
  }

  /** Where the provider answers; its issuer identifier, as the discovery document says. */
  public String issuer() {
    return "http://" + listen.issuerHost() + ":" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String clientId() {
    return settings.clientId();
  }

  public String clientSecret() {
    return clientSecret;
  }

  /**
   * Lets the console at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}) sign people in: its exact redirect
   * and post-logout URIs, known only once its web server has a port.
   */
  public void registerConsole(String baseUrl, String registrationId) {
    context.getBean(Clients.class).registerConsole(settings.clientId(), clientSecret, baseUrl, registrationId);
  }

  public List<DemoUser> users() {
    return DemoUser.ALL;
  }

  /** A client of the same provider that is not Aviary: its tokens name another audience. */
  public static String otherApplicationClientId() {
    return Clients.OTHER_APP;
  }

  public static String otherApplicationSecret() {
    return Clients.OTHER_APP_SECRET;
  }

  @Override
  public void close() {
    context.close();
  }
}
