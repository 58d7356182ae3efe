package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.GitProperties;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ssh:// remotes with the configured key only, and the server's host key checked strictly against the configured
 * known_hosts file: nothing from the user's ~/.ssh is read, and an unknown or changed host key ends the connection.
 */
final class SshTransports implements TransportConfigCallback, AutoCloseable {

  private final SshdSessionFactory factory;

  SshTransports(GitProperties.Ssh ssh, Path directory) {
    Path privateKey = existing(ssh.privateKey(), "aviary.git.ssh.private-key");
    Path knownHosts = existing(ssh.knownHosts(), "aviary.git.ssh.known-hosts");
    try {
      Files.createDirectories(directory);
      Path config = directory.resolve("config");
      Files.writeString(config, """
          Host *
            StrictHostKeyChecking yes
            IdentitiesOnly yes
            BatchMode yes
            IdentityFile %s
            UserKnownHostsFile %s
          """.formatted(privateKey, knownHosts));
      factory = new SshdSessionFactoryBuilder().setHomeDirectory(directory.toFile())
          .setSshDirectory(directory.toFile()).setConfigFile(home -> config.toFile())
          .setDefaultIdentities(home -> List.of(privateKey)).setDefaultKnownHostsFiles(home -> List.of(knownHosts))
          .setPreferredAuthentications("publickey").build(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the ssh configuration in " + directory, e);
    }
  }

  private static Path existing(String file, String property) {
    Path path = Path.of(file).toAbsolutePath();
    if (!Files.isReadable(path)) {
      throw new IllegalStateException(property + " points at " + path + ", which is not a readable file");
    }
    return path;
  }

  @Override
  public void configure(org.eclipse.jgit.transport.Transport transport) {
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(factory);
    }
  }

  @Override
  public void close() {
    factory.close();
  }
}
