package dev.aviary.console;

import com.github.mvysny.kaributesting.v10.MockRouteAccessDeniedError;
import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import dev.aviary.sandbox.signin.DemoUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Views tested server-side with Karibu, against the console running on its sandbox. */
public abstract class KaribuBase extends SandboxConsoleTest {

  private static final Routes ROUTES = routes();

  @Autowired
  private ApplicationContext context;

  @BeforeEach
  void setUpVaadin() {
    SignedIn.as(user());
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
    SignedIn.out();
  }

  /** Who the test is signed in as: the sandbox's operator, unless a test class says otherwise. */
  protected DemoUser user() {
    return SignedIn.demo("operator");
  }

  /**
   * Every {@code @Route} in the console. Karibu's own discovery sees public classes only, and views are
   * package-private by design, so Spring's scanner finds them.
   */
  @SuppressWarnings("unchecked")
  public static Routes routes() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
    Set<Class<? extends Component>> views = scanner.findCandidateComponents("dev.aviary.console").stream()
        .map(bean -> (Class<? extends Component>) ClassUtils.resolveClassName(bean.getBeanClassName(), null))
        .collect(Collectors.toSet());
    return new Routes(views, Set.of(MockRouteNotFoundError.class, MockRouteAccessDeniedError.class), false);
  }

  /** Waits for pushed updates: runs the UI's pending {@code ui.access} tasks until the assertion holds. */
  protected static void eventually(Runnable assertion) {
    await().atMost(Duration.ofSeconds(15)).pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      MockVaadin.runUIQueue();
      assertion.run();
    });
  }
}
