package dev.aviary.platform.faults;

import dev.aviary.platform.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Misbehaviour on purpose, for canary demos and tests: {@code FAULT_LATENCY_MS} added to every API request and a
 * {@code FAULT_ERROR_RATE} share of them answered 500. Off by default. It runs after routing, so the failed requests
 * are counted under their real route.
 */
@Configuration(proxyBeanMethods = false)
class FaultInjection implements WebMvcConfigurer {

  private final PlatformProperties properties;
  private final RandomGenerator random;

  @Autowired
  FaultInjection(PlatformProperties properties) {
    this(properties, RandomGenerator.getDefault());
  }

  FaultInjection(PlatformProperties properties, RandomGenerator random) {
    this.properties = properties;
    this.random = random;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    if (properties.faultErrorRate() > 0 || properties.faultLatency().isPositive()) {
      registry.addInterceptor(new Injector()).addPathPatterns("/api/**");
    }
  }

  private final class Injector implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
        throws IOException, InterruptedException {
      if (properties.faultLatency().isPositive()) {
        Thread.sleep(properties.faultLatency());
      }
      if (random.nextDouble() >= properties.faultErrorRate()) {
        return true;
      }
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Injected fault\",\"status\":500,"
          + "\"detail\":\"FAULT_ERROR_RATE=" + properties.faultErrorRate() + " answered this request with an error\"}");
      return false;
    }
  }
}
