package dev.aviary.console.routing;

/**
 * A way besides the weights that requests reach one version of a service: matched by header or cookie, mirrored, or
 * previewed. A router adds one with {@link TrafficRouter#routeTo} and takes one kind away with
 * {@link TrafficRouter#stop}.
 */
public sealed interface SideRoute {

  /** The kinds of side route, for taking one away. */
  enum Kind {
    MATCHING, MIRRORING, PREVIEWING
  }

  /** Requests matching {@code match} go to the version ahead of the weights, replacing any such route to it. */
  record Matching(RequestMatch match) implements SideRoute {
  }

  /**
   * {@code percent} of the requests the weights route are copied to the version, whose answers are dropped; replaces
   * any mirror the route had.
   */
  record Mirroring(int percent) implements SideRoute {
  }

  /**
   * The service's preview (a Service {@code <service>-preview} and a route of the router's kind for it, see
   * {@link PreviewRoutes}) answers with the version, and no user's request reaches it.
   */
  record Previewing() implements SideRoute {
  }
}
