package dev.aviary.console.release;

import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.ManifestSet;

import java.util.function.Consumer;

/** One of a release's changes to the manifests, as the pipeline runs it. */
record ReleaseEdit(String service, String action, String summary, Consumer<ManifestSet> edits) implements Intent {

  @Override
  public void edit(ManifestSet manifests) {
    edits.accept(manifests);
  }
}
