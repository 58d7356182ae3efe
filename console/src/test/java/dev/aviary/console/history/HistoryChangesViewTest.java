package dev.aviary.console.history;

import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.CommitInfo;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import dev.aviary.console.ChangingSandboxTest;
import dev.aviary.console.access.Identity;
import dev.aviary.console.scaling.ScaleVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** History filtered by author and service, a commit's diff, and a revert that is itself a commit and applied. */
class HistoryChangesViewTest extends ChangingSandboxTest {

  static final Identity ALICE = new Identity("Alice Operator", "alice@example.com");

  @Autowired
  ChangePipeline pipeline;

  @Test
  void history_filters_by_author_shows_the_diff_and_reverts_a_change_with_a_new_commit() {
    int before = autoscalerMinimum();
    ChangeResult change = pipeline.submit(new Change(new ScaleVersion("document-processor", "v1", 7, 50), ALICE,
        "Load test"));
    UI.getCurrent().navigate(HistoryView.class);

    _setValue(_get(TextField.class, s -> s.withId("history-author")), "ALICE@example");
    eventually(() -> assertThat(commits()).extracting(CommitInfo::id).containsExactly(change.commit()));
    _setValue(_get(TextField.class, s -> s.withId("history-service")), "webapi");
    eventually(() -> assertThat(commits()).isEmpty());
    _setValue(_get(TextField.class, s -> s.withId("history-service")), "document-processor");
    eventually(() -> assertThat(commits()).hasSize(1));

    Component details = GridKt._getItemDetailsComponent(grid(), commits().getFirst());
    eventually(() -> assertThat(((Pre) details.getChildren().toList().get(1)).getText())
        .contains("base/document-processor/horizontal-pod-autoscaler-v1.yaml", "-  minReplicas: " + before,
            "+  minReplicas: 7"));

    _click((Button) GridKt._getCellComponent(grid(), 0, "actions"));
    _setValue(_get(TextField.class, s -> s.withId("revert-reason")), "Load test is over");
    _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("revert-confirm")));

    eventually(() -> assertThat(autoscalerMinimum()).isEqualTo(before));
    assertThat(git("log", "-1", "--format=%an|%s|%(trailers:key=Aviary-Action,valueonly)")).isEqualTo(
        "Otto Operator|document-processor: revert " + change.shortCommit() + " (scale document-processor-v1 to at "
            + "least 7 replicas (autoscaler document-processor-v1: min 7, max 8))|revert");
    assertThat(git("log", "-1", "--format=%b")).contains("Load test is over", "This reverts commit " + change.commit());
  }

  @Test
  void a_change_pushed_by_another_operator_appears_without_a_reload() {
    UI.getCurrent().navigate(HistoryView.class);
    eventually(() -> assertThat(commits()).isNotEmpty());

    ChangeResult change = pipeline.submit(new Change(new ScaleVersion("webapi", "v1", 9, 50),
        new Identity("Bob Operator", "bob@example.com"), ""));

    eventually(() -> assertThat(commits().getFirst().id()).isEqualTo(change.commit()));
    assertThat(commits().getFirst().authorName()).isEqualTo("Bob Operator");
  }

  private int autoscalerMinimum() {
    return operator().autoscaling().v2().horizontalPodAutoscalers().inNamespace("document-processing")
        .withName("document-processor-v1").get().getSpec().getMinReplicas();
  }

  @SuppressWarnings("unchecked")
  private static Grid<CommitInfo> grid() {
    return _get(Grid.class, s -> s.withId("history-grid"));
  }

  private static List<CommitInfo> commits() {
    Grid<CommitInfo> grid = grid();
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
  }
}
