package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An in-memory workspace: a map of files, for tests of what reads and edits manifests. */
public class RepositoryFiles implements GitWorkspace {

  private final Map<String, String> files = new TreeMap<>();

  /** The repository's own manifests/ folder, as the sandbox's Git remote starts. */
  public static RepositoryFiles platformManifests() {
    RepositoryFiles repository = new RepositoryFiles();
    try (Stream<Path> walk = Files.walk(PipelineFixture.MANIFESTS)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        repository.with(PipelineFixture.MANIFESTS.relativize(file).toString().replace('\\', '/'),
            Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return repository;
  }

  /** The files as bytes, e.g. to import them into a bare repository. */
  public Map<String, byte[]> bytes() {
    Map<String, byte[]> out = new TreeMap<>();
    files.forEach((path, content) -> out.put(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }

  /**
   * Edits a fresh read of {@code folder}'s manifests, keeps the result as the files' next state, and checks it still
   * reads; returns the files it changed with their new content.
   */
  public Map<String, String> change(String folder, java.util.function.Consumer<ManifestSet> edit) {
    ManifestSet manifests = new ManifestSet(this, folder);
    edit.accept(manifests);
    Map<String, String> changed = manifests.changedFiles();
    commitAndPush(manifests.base(), changed, new Identity("t", "t@example.com"), "test");
    new ManifestReader(this).read(folder);
    return changed;
  }

  /** The files and their content now. */
  public Map<String, String> contents() {
    return Map.copyOf(files);
  }

  public RepositoryFiles with(String path, String content) {
    files.put(path, content);
    return this;
  }

  @Override
  public void sync() {
  }

  @Override
  public String head() {
    return "0123456789abcdef0123456789abcdef01234567";
  }

  /** One commit only: the head is its own ancestor, and nothing else is known. */
  @Override
  public boolean isAncestor(String ancestor, String commit) {
    return ancestor.equals(head()) && commit.equals(head());
  }

  @Override
  public Optional<String> readAt(String commit, String path) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public List<String> list(String folder) {
    List<String> out = new ArrayList<>();
    String prefix = folder.isEmpty() ? "" : folder + "/";
    files.keySet().stream().filter(p -> p.startsWith(prefix) && !p.substring(prefix.length()).contains("/"))
        .forEach(out::add);
    return out;
  }

  @Override
  public List<CommitInfo> log(int skip, int limit) {
    return List.of();
  }

  @Override
  public PushOutcome commitAndPush(String base, Map<String, String> changed, Identity author, String message) {
    changed.forEach((path, content) -> {
      if (content == null) {
        files.remove(path);
      } else {
        files.put(path, content);
      }
    });
    return new PushOutcome.Pushed(head());
  }

  @Override
  public CommitInfo commit(String id) {
    throw new InvalidChangeException("no commit " + id + " in memory:");
  }

  @Override
  public String diff(String commit) {
    throw new InvalidChangeException("no commit " + commit + " in memory:");
  }

  @Override
  public Map<String, String> revertedFiles(String commit, String onto) {
    throw new InvalidChangeException("no commit " + commit + " in memory:");
  }

  @Override
  public String displayUrl() {
    return "memory:";
  }
}
