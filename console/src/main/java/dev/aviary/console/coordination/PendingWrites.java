package dev.aviary.console.coordination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the cluster refused or could not take, kept with the write lock so that whichever console leads tries them
 * again, also after the console that made them is gone: the manifest files whose objects are to be applied again
 * (from Git's head), and the objects still to be deleted.
 */
public record PendingWrites(Set<String> files, List<Map<String, Object>> deletions) {

  public static final PendingWrites NONE = new PendingWrites(Set.of(), List.of());

  public PendingWrites {
    files = Set.copyOf(files);
    deletions = List.copyOf(deletions);
  }

  public boolean isEmpty() {
    return files.isEmpty() && deletions.isEmpty();
  }

  public PendingWrites plus(PendingWrites more) {
    Set<String> allFiles = new LinkedHashSet<>(files);
    allFiles.addAll(more.files);
    List<Map<String, Object>> allDeletions = new ArrayList<>(deletions);
    more.deletions.stream().filter(d -> !allDeletions.contains(d)).forEach(allDeletions::add);
    return new PendingWrites(allFiles, allDeletions);
  }
}
