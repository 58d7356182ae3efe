package dev.aviary.testsupport.git;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceivePack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A bare repository served over JGit's smart-HTTP protocol by an embedded Tomcat, behind HTTP basic authentication,
 * with a pre-receive hook tests can set: a remote that behaves like a Git host. On 127.0.0.1, or on the machine's
 * address where pods of a real node clone from it.
 */
public final class HttpGitServer implements AutoCloseable {

  private final Tomcat tomcat = new Tomcat();
  private final Repository repository;
  private volatile PreReceiveHook hook = PreReceiveHook.NULL;

  private final String address;

  public HttpGitServer(Path bareRepository, Path workDirectory, String user, String token) throws IOException,
      LifecycleException {
    this(bareRepository, workDirectory, user, token, "127.0.0.1");
  }

  public HttpGitServer(Path bareRepository, Path workDirectory, String user, String token, String address)
      throws IOException, LifecycleException {
    this.address = address;
    repository = new FileRepositoryBuilder().setGitDir(bareRepository.toFile()).setMustExist(true).build();
    GitServlet servlet = new GitServlet();
    servlet.setRepositoryResolver((request, name) -> {
      if (!name.equals("manifests.git")) {
        throw new RepositoryNotFoundException(name);
      }
      repository.incrementOpen();
      return repository;
    });
    servlet.setReceivePackFactory((request, db) -> {
      ReceivePack receive = new ReceivePack(db);
      receive.setPreReceiveHook((rp, commands) -> hook.onPreReceive(rp, commands));
      return receive;
    });
    tomcat.setBaseDir(workDirectory.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", address);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", workDirectory.toString());
    Tomcat.addServlet(context, "git", servlet);
    context.addServletMappingDecoded("/git/*", "git");
    addBasicAuthentication(context, user, token);
    tomcat.start();
  }

  public String url() {
    return "http://" + address + ":" + tomcat.getConnector().getLocalPort() + "/git/manifests.git";
  }

  /** What the remote does with a push before it updates any ref, e.g. refuse it as a protected branch would. */
  public void onPreReceive(PreReceiveHook hook) {
    this.hook = hook;
  }

  private static void addBasicAuthentication(Context context, String user, String token) {
    String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    Filter filter = (request, response, chain) -> {
      if (expected.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
        chain.doFilter(request, response);
      } else {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
        http.sendError(401);
      }
    };
    FilterDef definition = new FilterDef();
    definition.setFilterName("basic-auth");
    definition.setFilter(filter);
    context.addFilterDef(definition);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("basic-auth");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
    repository.close();
  }
}
