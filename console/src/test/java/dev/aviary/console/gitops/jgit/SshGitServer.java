package dev.aviary.console.gitops.jgit;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * A Git host over SSH on 127.0.0.1 (Apache MINA SSHD, the same library JGit's client uses): public-key
 * authentication for one user key, and git-upload-pack/git-receive-pack run by JGit on one bare repository.
 */
final class SshGitServer implements AutoCloseable {

  private final SshServer server = SshServer.setUpDefaultServer();
  private final Path repository;

  SshGitServer(Path repository, Path hostKey, PublicKey userKey) throws IOException {
    this.repository = repository;
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
    server.setPublickeyAuthenticator((user, key, session) -> user.equals("git") && KeyUtils.compareKeys(key, userKey));
    server.setCommandFactory((channel, command) -> new GitCommand(command));
    server.start();
  }

  String url() {
    return "ssh://git@127.0.0.1:" + server.getPort() + "/manifests.git";
  }

  /** The known_hosts line for this server, as ssh-keyscan would print it. */
  String knownHostsLine() throws IOException, GeneralSecurityException {
    PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n";
  }

  /** A fresh key pair, its private half written where a client reads it (OpenSSH format, no passphrase). */
  static KeyPair newUserKey(Path privateKeyFile) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair pair = generator.generateKeyPair();
    try (OutputStream out = Files.newOutputStream(privateKeyFile)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "aviary-test", null, out);
    }
    return pair;
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** {@code git-upload-pack '/manifests.git'} or {@code git-receive-pack '/manifests.git'}, served by JGit. */
  private final class GitCommand implements Command {

    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    GitCommand(String command) {
      this.command = command;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread.ofVirtual().start(() -> {
        int status = 0;
        try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile()).setMustExist(true).build()) {
          if (command.startsWith("git-upload-pack ")) {
            new UploadPack(repo).upload(in, out, err);
          } else if (command.startsWith("git-receive-pack ")) {
            new ReceivePack(repo).receive(in, out, err);
          } else {
            err.write(("unsupported command: " + command + "\n").getBytes(StandardCharsets.UTF_8));
            status = 1;
          }
          out.flush();
        } catch (IOException e) {
          status = 1;
        }
        exit.onExit(status);
      });
    }

    @Override
    public void destroy(ChannelSession channel) {
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }
  }
}
