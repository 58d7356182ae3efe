package dev.aviary.console;

import dev.aviary.testsupport.git.GitCli;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Path;

/**
 * Views that commit changes, on a console and sandbox of their own (own data directory, so Spring caches a
 * separate context): their commits never surprise the read-only view tests that share the other one.
 */
public abstract class ChangingSandboxTest extends KaribuBase {

  private static final Path DATA = newDataDirectory("aviary-changing-test-data-");

  @DynamicPropertySource
  static void ownDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", DATA::toString);
    registry.add("aviary.git.poll-interval", () -> "500ms");
  }

  /** The git CLI on the sandbox's bare remote: what anyone cloning it sees. */
  protected String git(String... args) {
    return GitCli.run(Path.of(URI.create(sandbox.gitUrl())), args);
  }
}
