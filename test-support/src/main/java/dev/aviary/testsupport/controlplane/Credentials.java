package dev.aviary.testsupport.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets a control plane is started with, generated per run: the service-account signing key pair (the API
 * server signs and checks tokens with it, the controller manager signs the tokens it mints) and the admin's bearer
 * token, a static token in {@code system:masters}, for the test's own set-up.
 */
final class Credentials {

  final Path signingKey;
  final Path verificationKey;
  final Path tokenFile;
  final String adminToken;

  private Credentials(Path signingKey, Path verificationKey, Path tokenFile, String adminToken) {
    this.signingKey = signingKey;
    this.verificationKey = verificationKey;
    this.tokenFile = tokenFile;
    this.adminToken = adminToken;
  }

  static Credentials generate(Path directory) throws IOException {
    KeyPair keys;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keys = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no RSA", e);
    }
    Path signing = write(directory.resolve("service-account.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    Path verification = write(directory.resolve("service-account.pub"),
        pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String admin = HexFormat.of().formatHex(random);
    Path tokens = write(directory.resolve("tokens.csv"), admin + ",admin,admin,\"system:masters\"\n");
    return new Credentials(signing, verification, tokens, admin);
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content);
  }
}
