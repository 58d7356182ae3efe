package dev.aviary.console;

import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.testsupport.oidc.ClientCredentials;

/** Access tokens from the sandbox's provider through the client-credentials grant, as a script would get them. */
public final class SandboxTokens {

  private SandboxTokens() {
  }

  /** A token for a demo user's script client ({@code <user>-script}, the user's password as secret). */
  public static String of(SandboxIdentityProvider provider, String username) {
    String password = SignedIn.demo(username).password();
    return clientCredentials(provider, username + "-script", password);
  }

  public static String clientCredentials(SandboxIdentityProvider provider, String client, String secret) {
    return ClientCredentials.token(provider.issuer(), client, secret);
  }
}
