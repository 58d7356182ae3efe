/**
 * Sign-in and rights: OIDC login, API tokens, {@link dev.aviary.console.security.RoleMapping} from the provider's
 * groups, {@link dev.aviary.console.security.ActionGuard} (the role check and audit of every action), security
 * headers, and the no-access page.
 */
package dev.aviary.console.security;
