package dev.aviary.console;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * Views that only read, sharing one console and sandbox (one data directory, so one cached context): they may
 * change the cluster the way kubectl would, and put it back, but never commit to Git.
 */
public abstract class KaribuTest extends KaribuBase {

  private static final Path DATA = newDataDirectory("aviary-test-data-");

  @DynamicPropertySource
  static void sharedDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", DATA::toString);
  }
}
