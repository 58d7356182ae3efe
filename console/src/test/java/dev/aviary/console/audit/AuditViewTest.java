package dev.aviary.console.audit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.aviary.console.KaribuTest;
import dev.aviary.console.SignedIn;
import dev.aviary.console.services.ServiceOperations;
import dev.aviary.sandbox.signin.DemoUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roles enforced in the service whichever view calls it, and the admins' view of what happened. */
class AuditViewTest extends KaribuTest {

  @Autowired
  ServiceOperations operations;

  @Override
  protected DemoUser user() {
    return SignedIn.demo("admin");
  }

  @Test
  void a_viewers_scale_is_refused_by_the_service_and_admins_see_it_in_the_audit_view() {
    SignedIn.as(SignedIn.demo("viewer"));
    assertThat(operations.changeRefusal()).hasValue("Your role is Viewer; this needs Operator.");
    assertThatThrownBy(() -> operations.scale("webapi", "v1", 7, "let me"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("Vera Viewer <viewer@sandbox.aviary.invalid> may not scale: that needs the Operator role, and "
            + "they are Viewer");

    SignedIn.as(SignedIn.demo("admin"));
    UI.getCurrent().navigate(AuditView.class);
    eventually(() -> assertThat(rows()).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("scale");
      assertThat(e.target()).isEqualTo("service=webapi version=v1 replicas=7 reason=let me");
      assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
    }));
  }

  @SuppressWarnings("unchecked")
  private static List<AuditEvent> rows() {
    Grid<AuditEvent> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
    return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i)).toList();
  }
}
