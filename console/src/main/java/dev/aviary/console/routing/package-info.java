/**
 * Traffic between versions, a {@link dev.aviary.console.routing.TrafficRouter} per mesh: Istio
 * ({@code IstioRouter}, {@code IstioRoutes}, {@code IstioRequestRouting}) and the Gateway API
 * ({@code GatewayApiRouter}, {@code GatewayRoutes}, {@code GatewayRequestRouting}) each read a service's route as a
 * {@link dev.aviary.console.routing.RouteTable} and edit weights and {@link dev.aviary.console.routing.SideRoute}s
 * (matches, mirrors, blue-green previews) in the manifests. {@link dev.aviary.console.routing.TrafficRouting} is the
 * service: desired and live weights, and the intent that sets them.
 */
package dev.aviary.console.routing;
