package dev.aviary.console.security;

import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.Failures;
import dev.aviary.console.access.Requires;
import dev.aviary.console.access.Role;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.InvalidChangeException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import java.lang.reflect.Parameter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Method security for {@link Requires} actions: refuses a caller without the role (403 through the API, a message
 * in the UI) and writes every call to the audit log with its outcome, the commit once the change has one.
 */
final class ActionGuard implements MethodInterceptor {

  private final ObjectProvider<AuditLog> audit;
  private final ObjectProvider<Clock> clock;
  private final ObjectProvider<CurrentOperator> operators;

  ActionGuard(ObjectProvider<AuditLog> audit, ObjectProvider<Clock> clock, ObjectProvider<CurrentOperator> operators) {
    this.audit = audit;
    this.clock = clock;
    this.operators = operators;
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    Requires requires = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Requires.class);
    if (requires == null) {
      return invocation.proceed();
    }
    Call call = new Call(requires.action(), target(invocation));
    Optional<Authentication> authentication = operators.getObject().signedIn();
    Role held = authentication.map(CurrentOperator::held).orElse(null);
    String actor = authentication.isEmpty() ? "anonymous" : held == null ? authentication.get().getName()
        : CurrentOperator.identityOf(authentication.get()).toString();
    if (held == null || !held.includes(requires.value())) {
      String why = actor + " may not " + requires.action() + ": that needs the " + requires.value().label()
          + " role" + (held == null ? ", and they have no Aviary role" : ", and they are " + held.label());
      record(actor, call, AuditEvent.Outcome.DENIED, why, "");
      throw new AccessDeniedException(why);
    }
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable t) {
      recordFailure(actor, call, t);
      throw t;
    }
    if (result instanceof CompletableFuture<?> future) {
      future.whenComplete((value, error) -> {
        if (error != null) {
          recordFailure(actor, call, error);
        } else {
          recordSuccess(actor, call, value);
        }
      });
    } else {
      recordSuccess(actor, call, result);
    }
    return result;
  }

  private record Call(String action, String target) {
  }

  private void recordSuccess(String actor, Call call, Object value) {
    if (value instanceof ChangeResult.Carrier carrier) {
      recordSuccess(actor, call, carrier.change());
    } else if (value instanceof ChangeResult change) {
      record(actor, call, AuditEvent.Outcome.SUCCEEDED, change.state() + ": " + change.summary(), change.commit());
    } else {
      record(actor, call, AuditEvent.Outcome.SUCCEEDED, value instanceof Integer n ? n + " objects applied" : "",
          "");
    }
  }

  private void recordFailure(String actor, Call call, Throwable error) {
    Throwable cause = Failures.cause(error);
    boolean refused = cause instanceof InvalidChangeException || cause instanceof IllegalArgumentException;
    record(actor, call, refused ? AuditEvent.Outcome.REFUSED : AuditEvent.Outcome.FAILED,
        String.valueOf(cause.getMessage()), "");
  }

  private void record(String actor, Call call, AuditEvent.Outcome outcome, String detail, String commit) {
    audit.getObject().record(new AuditEvent(clock.getObject().instant(), actor, call.action(), call.target(),
        outcome, detail, commit == null ? "" : commit));
  }

  /** "service=webapi version=v1 replicas=4": the arguments by name (the build keeps parameter names). */
  private static String target(MethodInvocation invocation) {
    Parameter[] parameters = invocation.getMethod().getParameters();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      Object value = invocation.getArguments()[i];
      if (value != null && !String.valueOf(value).isBlank()) {
        parts.add(parameters[i].getName() + "=" + value);
      }
    }
    return String.join(" ", parts);
  }
}
