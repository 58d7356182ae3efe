package dev.aviary.console.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What springdoc cannot read from the controllers: the bearer tokens every call needs, and the problem+json errors
 * every operation may answer ({@link ApiErrors}), each with what it means here.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

  static final String BEARER = "bearer";
  private static final String PROBLEM = "application/problem+json";

  /** The statuses any operation may answer, as docs/api.md explains them. */
  static final Map<String, String> PROBLEMS = problems();

  private static Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    problems.put("400", "an unreadable body, or a path the firewall rejects");
    problems.put("401", "no valid bearer token");
    problems.put("403", "the token's role does not allow the action (audited)");
    problems.put("409", "the current state does not allow it, e.g. a release's phase; the detail says why");
    problems.put("415", "a body that is not application/json");
    problems.put("422", "a change that does not fit (bad values, unknown names), or manifests the cluster refused");
    problems.put("502", "Git refused or failed; nothing was applied");
    problems.put("503", "the cluster could not be reached (Git is not changed)");
    return problems;
  }

  @Bean
  OpenAPI aviaryApi() {
    return new OpenAPI()
        .info(new Info().title("Aviary API").version("v1").description("The console's operations for scripts and "
            + "ChatOps: every write is a Git commit by the caller, then applied to the cluster. See docs/api.md."))
        .components(new Components()
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token from the sign-in provider (docs/security.md)"))
            .addSchemas("Problem", new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string").description("what went wrong, and where"))
                .addProperty("instance", new Schema<>().type("string"))))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** Adds the problem answers to every operation, beside the success answers springdoc found. */
  @Bean
  OpenApiCustomizer problemAnswers() {
    return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
        PROBLEMS.forEach((status, meaning) -> operation.getResponses().addApiResponse(status, new ApiResponse()
            .description(meaning).content(new Content().addMediaType(PROBLEM, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/Problem"))))))));
  }
}
