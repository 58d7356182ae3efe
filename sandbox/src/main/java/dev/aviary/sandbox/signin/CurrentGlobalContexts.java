package dev.aviary.sandbox.signin;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.function.Supplier;

/**
 * The provider's security context strategy: whatever {@link SecurityContextHolder}'s global strategy is at the
 * moment of the call. Some authorization-server filters use the global holder directly, while configured filters
 * keep the strategy they were built with; the application embedding the provider may replace the global one after
 * the provider started (a Vaadin console does), and both must still see the same context.
 */
final class CurrentGlobalContexts implements SecurityContextHolderStrategy {

  @Override
  public void clearContext() {
    SecurityContextHolder.clearContext();
  }

  @Override
  public SecurityContext getContext() {
    return SecurityContextHolder.getContext();
  }

  @Override
  public Supplier<SecurityContext> getDeferredContext() {
    return SecurityContextHolder.getDeferredContext();
  }

  @Override
  public void setContext(SecurityContext context) {
    SecurityContextHolder.setContext(context);
  }

  @Override
  public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
    SecurityContextHolder.setDeferredContext(deferredContext);
  }

  @Override
  public SecurityContext createEmptyContext() {
    return SecurityContextHolder.createEmptyContext();
  }
}
