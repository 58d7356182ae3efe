package dev.aviary.console.gitops;

/**
 * Undo one earlier commit with a new one (never by rewriting history): the files it changed, merged back to how
 * they were before it, keeping what later commits changed on other lines.
 */
public final class RevertCommit implements Intent {

  /** The History page's action, and the trailer of the commits it makes. */
  public static final String REVERT = "revert";

  private final GitWorkspace workspace;
  private final CommitInfo commit;
  private final String action;

  RevertCommit(GitWorkspace workspace, CommitInfo commit, String action) {
    this.workspace = workspace;
    this.commit = commit;
    this.action = action;
  }

  @Override
  public String service() {
    return commit.service().orElse("repository");
  }

  @Override
  public String action() {
    return action;
  }

  @Override
  public String summary() {
    String subject = commit.subject();
    String what = commit.service().map(s -> subject.substring(s.length() + 2)).orElse(subject);
    return "revert " + commit.shortId() + " (" + what + ")";
  }

  @Override
  public void edit(ManifestSet manifests) {
    workspace.revertedFiles(commit.id(), manifests.base()).forEach((file, content) -> {
      if (content == null) {
        manifests.delete(file);
      } else {
        manifests.write(file, content);
      }
    });
  }
}
