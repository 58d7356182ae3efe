package dev.aviary.console.services;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.StatefulSetState;

import java.util.List;
import java.util.Optional;

/**
 * The StatefulSets of the managed services (their stores), each scaled through Git like a version. They have no
 * versions and no traffic weights: canary releases are for Deployments.
 */
class StatefulSetsGrid extends Div {

  /** A grid row: one StatefulSet of one service. */
  record Row(String namespace, String service, StatefulSetState statefulSet) {
  }

  final Grid<Row> grid = new Grid<>();
  private final ServiceOperations operations;

  StatefulSetsGrid(ServiceOperations operations) {
    this.operations = operations;
    setId("stateful-sets");
    grid.setId("stateful-sets-grid");
    grid.addColumn(Row::service).setHeader("Service").setKey("service").setAutoWidth(true);
    grid.addColumn(r -> r.statefulSet().name()).setHeader("StatefulSet").setKey("name").setAutoWidth(true);
    grid.addColumn(r -> r.statefulSet().ready() + "/" + r.statefulSet().desired()).setHeader("Ready").setKey("ready")
        .setAutoWidth(true);
    grid.addColumn(Row::namespace).setHeader("Namespace").setKey("namespace").setAutoWidth(true).setFlexGrow(1);
    grid.addComponentColumn(this::scaleButton).setHeader("").setKey("actions").setAutoWidth(true)
        .setFrozenToEnd(true);
    grid.setAllRowsVisible(true);
    add(new H3("Stateful sets"), grid);
  }

  void render(ClusterSnapshot snapshot) {
    List<Row> rows = snapshot.services().stream().flatMap(s -> s.parts().statefulSets().stream()
        .map(set -> new Row(s.namespace(), s.name(), set))).toList();
    grid.setItems(rows);
    setVisible(!rows.isEmpty());
  }

  private Button scaleButton(Row row) {
    StatefulSetState set = row.statefulSet();
    return ScaleDialog.opener(operations, "scale-statefulset-" + set.name(), () -> new ScaleDialog(operations,
        "StatefulSet " + set.name(), set.desired(), Optional.empty(),
        (replicas, reason) -> operations.scaleStatefulSet(row.service(), set.name(), replicas, reason)));
  }
}
