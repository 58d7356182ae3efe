package dev.aviary.console.security;

import dev.aviary.console.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the groups in a person's token into Aviary roles. A role brings the roles it includes as authorities too,
 * so "has role Viewer" holds for an admin without a role hierarchy in every place that checks.
 */
final class RoleMapping {

  private final String groupsClaim;
  private final Map<Role, List<String>> groupsByRole;

  RoleMapping(OidcProperties properties) {
    this.groupsClaim = properties.groupsClaim();
    this.groupsByRole = Map.of(Role.VIEWER, properties.roles().viewer(), Role.OPERATOR, properties.roles().operator(),
        Role.ADMIN, properties.roles().admin());
  }

  /** The claim the groups are read from, as configured. */
  String groupsClaim() {
    return groupsClaim;
  }

  /** The groups that give a role. */
  List<String> groupsGiving(Role role) {
    return groupsByRole.get(role);
  }

  /** The person's groups as the token states them (a list, or one string of space- or comma-separated names). */
  List<String> groups(Map<String, Object> claims) {
    Object value = claims;
    for (String part : groupsClaim.split("\\.")) {
      value = value instanceof Map<?, ?> map ? map.get(part) : null;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (value instanceof String text && !text.isBlank()) {
      return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
    return List.of();
  }

  /** The highest role any of the person's groups gives, with every role it includes; empty for none. */
  Set<Role> roles(Map<String, Object> claims) {
    List<String> groups = groups(claims);
    Role highest = null;
    for (Role role : Role.values()) {
      if (groupsByRole.get(role).stream().anyMatch(groups::contains)) {
        highest = role;
      }
    }
    Role top = highest;
    return top == null ? EnumSet.noneOf(Role.class)
        : Arrays.stream(Role.values()).filter(top::includes).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  Set<GrantedAuthority> authorities(Map<String, Object> claims) {
    return roles(claims).stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
        .collect(Collectors.toSet());
  }
}
