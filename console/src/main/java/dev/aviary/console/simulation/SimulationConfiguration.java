package dev.aviary.console.simulation;

import dev.aviary.console.routing.TrafficRouting;

import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.sandbox.ConditionalOnSandbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** On the sandbox, golden signals come from a traffic model unless a Prometheus is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SimulationConfiguration {

  @Bean(destroyMethod = "close")
  SimulatedMetrics simulatedMetrics(ClusterState cluster, TrafficRouting routing, Clock clock) {
    return new SimulatedMetrics(cluster, routing, clock);
  }
}
