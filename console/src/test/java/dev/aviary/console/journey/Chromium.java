package dev.aviary.console.journey;

import dev.aviary.testsupport.InstalledTool;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/** Debian's Chromium driven by Playwright, started quiet for a machine without internet access. */
final class Chromium implements AutoCloseable {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Skips the test where Chromium is not installed, except in CI, where its absence is a failure. Playwright gives
   * every launch a fresh profile of its own.
   */
  static Chromium launch() {
    InstalledTool.executable(EXECUTABLE, ".ci/run installs Debian's chromium package");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    return new Chromium(playwright, browser);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
