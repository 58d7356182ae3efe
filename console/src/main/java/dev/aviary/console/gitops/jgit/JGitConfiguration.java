package dev.aviary.console.gitops.jgit;

import dev.aviary.console.AviaryProperties;
import dev.aviary.console.gitops.EmbeddedRemote;
import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The workspace for the configured remote, or for the console's own remote ({@link EmbeddedRemote}) when none is. */
@Configuration(proxyBeanMethods = false)
class JGitConfiguration {

  @Bean
  GitWorkspace gitWorkspace(GitProperties git, AviaryProperties aviary, ObjectProvider<EmbeddedRemote> embedded,
                            Clock clock, ObjectProvider<SshTransports> ssh) {
    String url;
    EmbeddedRemote own = embedded.getIfAvailable();
    if (git.hasUrl()) {
      url = git.url();
    } else if (own != null) {
      url = own.url();
    } else {
      throw new IllegalStateException("aviary.git.url is required when a cluster is configured: "
          + "Aviary commits every change to Git before applying it");
    }
    CredentialsProvider credentials = git.username() == null || git.username().isBlank() ? null
        : new UsernamePasswordCredentialsProvider(git.username(), git.token() == null ? "" : git.token());
    TransportConfigCallback transport = ssh.getIfAvailable();
    return new JGitWorkspace(url, git.branch(), aviary.dataDirectory().resolve("workspace.git"), credentials,
        git.committer().identity(), clock, transport == null ? t -> { } : transport);
  }

  /** Only for ssh:// remotes; closed with the application, which ends its SSH client. */
  @Bean(destroyMethod = "close")
  SshTransports sshTransports(GitProperties git, AviaryProperties aviary) {
    return git.hasUrl() && git.url().toLowerCase(java.util.Locale.ROOT).startsWith("ssh://")
        ? new SshTransports(git.ssh(), aviary.dataDirectory().resolve("ssh")) : null;
  }
}
