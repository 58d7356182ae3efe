package dev.aviary.console.api;

import dev.aviary.console.SandboxApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's OpenAPI document, held against the controllers the console actually serves. */
class ApiDocumentTest extends SandboxApiTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void the_document_is_served_without_a_token_and_lists_every_endpoint_the_controllers_serve() throws Exception {
    HttpResponse<String> response = get("/api/v1/openapi");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode document = json.readTree(response.body());
    assertThat(document.path("openapi").asString()).startsWith("3.");

    List<String> served = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
        .filter(p -> p.startsWith("/api/v1/") && !p.startsWith("/api/v1/openapi"))
        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> served.add(m + " " + p))));
    assertThat(served).as("the API's endpoints").hasSizeGreaterThan(15);
    for (String endpoint : served) {
      String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      assertThat(document.path("paths").path(path).has(method)).as(endpoint + " in the document").isTrue();
    }
    assertThat(served).contains(RequestMethod.POST + " /api/v1/releases", RequestMethod.PUT
        + " /api/v1/releases/{name}/weight");
  }

  @Test
  void every_operation_names_its_bearer_token_and_its_problem_answers() throws Exception {
    JsonNode document = json.readTree(get("/api/v1/openapi").body());

    assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
        .isEqualTo("bearer");
    assertThat(document.path("security").get(0).has("bearer")).isTrue();
    document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      JsonNode responses = operation.getValue().path("responses");
      assertThat(responses.path("403").path("content").has("application/problem+json"))
          .as(operation.getKey() + " " + path.getKey()).isTrue();
      assertThat(responses.has("422")).isTrue();
    }));
    assertThat(get("/api/v1/openapi.yaml").body()).startsWith("openapi: 3.");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
