package dev.aviary.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * Who changes are attributed to while no one signs in (the sandbox, until OIDC sign-in is configured).
 *
 * @param name  the Git author name
 * @param email the Git author e-mail
 */
@Validated
@ConfigurationProperties("aviary.operator")
public record OperatorProperties(@DefaultValue("Sandbox Operator") @NotBlank String name,
                                 @DefaultValue("operator@sandbox.aviary.invalid") @NotBlank @Email String email) {
}
