package dev.aviary.sandbox.api;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's kubectl binary with a given kubeconfig. */
public record Kubectl(Path kubeconfig) {

  public record Result(int exitCode, String output) {
  }

  private static Path binary() {
    return InstalledTool.command("kubectl", ".ci/run installs Debian's kubernetes-client");
  }

  public Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "kubectl timed out: " + command);
      }
      return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
