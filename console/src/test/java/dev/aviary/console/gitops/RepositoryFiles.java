package dev.aviary.console.gitops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A workspace made of a map of files, for tests of what reads manifests. */
class InMemoryWorkspace implements GitWorkspace {

  private final Map<String, String> files = new TreeMap<>();

  InMemoryWorkspace with(String path, String content) {
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

  @Override
  public Optional<String> read(String path) {
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
  public String displayUrl() {
    return "memory:";
  }
}
