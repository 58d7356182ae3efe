package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * fabric8's CRUD dispatcher (indexed: {@link IndexedCrudDispatcher}) with the parts a real API server has and it lacks: discovery, server-side apply,
 * RFC 7386 merge patch, strategic merge patch, the scale subresource, status kept apart from spec for built-in
 * kinds, typed list kinds, server-side printing for kubectl, and admission ({@link Admission}: label validation and
 * the defaulting tools rely on). Writes it computes itself go through the parent's
 * PUT and POST handlers with the object's resourceVersion, so they take the same lock, bump the same counters,
 * notify the same watches, and a concurrent writer loses with a 409 instead of being overwritten.
 */
public final class SandboxDispatcher extends IndexedCrudDispatcher {

  private static final int WRITE_ATTEMPTS = 8;
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  private final ResourceCatalog catalog;
  private final Clock clock;
  private final Tables tables;
  private final Admission admission = new Admission();
  private final OpenApi openApi;
  private volatile Discovery discovery;

  public SandboxDispatcher(ResourceCatalog catalog, Clock clock) {
    super(crdContexts(catalog));
    this.catalog = catalog;
    this.clock = clock;
    this.tables = new Tables(clock);
    this.openApi = new OpenApi(catalog);
    this.discovery = new Discovery(catalog, "127.0.0.1");
  }

  private static List<CustomResourceDefinitionContext> crdContexts(ResourceCatalog catalog) {
    // Registering every kind lets the attribute extractor find a plural from apiVersion and kind alone.
    return catalog.all().stream().map(t -> new CustomResourceDefinitionContext.Builder().withGroup(t.group().isEmpty() ? null : t.group())
        .withVersion(t.version()).withKind(t.kind()).withPlural(t.plural())
        .withScope(t.namespaced() ? "Namespaced" : "Cluster").withStatusSubresource(t.hasStatus()).build()).toList();
  }

  /** Server-side printing, also for the rows of a watch. */
  Tables tables() {
    return tables;
  }

  void announceAddress(String hostAndPort) {
    this.discovery = new Discovery(catalog, hostAndPort);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      return route(request);
    } catch (ApiError e) {
      return e.toResponse();
    }
  }

  private MockResponse route(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && contentType.contains("protobuf")) {
      throw ApiError.unsupportedMediaType("the sandbox API server reads JSON and YAML bodies, not " + contentType);
    }
    String path = request.getPath();
    String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (request.method() == HttpMethod.GET) {
      if (pathOnly.equals("/version")) {
        return json(200, "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0-aviary-sandbox\","
            + "\"platform\":\"linux/amd64\"}");
      }
      Optional<String> document = discovery.document(pathOnly).or(() -> openApi.document(pathOnly));
      if (document.isPresent()) {
        return json(200, document.get());
      }
    }
    Optional<ResourcePath> parsed = ResourcePath.parse(path);
    if (parsed.isEmpty()) {
      throw ApiError.notFound("the server could not find the requested resource: " + pathOnly);
    }
    ResourcePath target = parsed.get();
    ResourceType type = catalog.byPlural(target.group(), target.version(), target.plural())
        .orElseThrow(() -> ApiError.notFound("the server could not find the requested resource: " + pathOnly));
    if ("scale".equals(target.subresource())) {
      return scale(request, target, type);
    }
    return switch (request.method()) {
      case PATCH -> patch(request, target, type);
      case GET -> target.isWatch() ? super.dispatch(request) : read(request, target, type);
      default -> super.dispatch(request);
    };
  }

  private MockResponse read(RecordedRequest request, ResourcePath target, ResourceType type) {
    MockResponse response = super.handleGet(request.getPath());
    if (response.code() != 200) {
      return response;
    }
    ObjectNode body = (ObjectNode) parse(response.getBody().readUtf8());
    boolean table = Tables.wanted(request.getHeader("Accept"));
    if (target.isCollection()) {
      List<JsonNode> items = new ArrayList<>();
      body.path("items").forEach(items::add);
      String resourceVersion = body.path("metadata").path("resourceVersion").asText();
      if (table) {
        return json(200, tables.table(type.kind(), items, resourceVersion).toString());
      }
      body.put("kind", type.kind() + "List");
      body.put("apiVersion", type.apiVersion());
      return json(200, body.toString());
    }
    return json(200, table ? tables.table(type.kind(), List.of(body), "").toString() : body.toString());
  }

  private MockResponse patch(RecordedRequest request, ResourcePath target, ResourceType type) {
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    String body = request.getBody().readUtf8();
    if (contentType.startsWith("application/apply-patch")) {
      String manager = target.queryParameter("fieldManager");
      if (manager == null || manager.isBlank()) {
        throw ApiError.badRequest("fieldManager is required for apply requests");
      }
      return apply(target, type, (ObjectNode) parseYaml(body), manager);
    }
    if (contentType.startsWith("application/merge-patch+json")) {
      JsonNode patch = parse(body);
      return write(target, current -> (ObjectNode) MergePatch.jsonMerge(current, patch), preconditioned(patch));
    }
    if (contentType.startsWith("application/strategic-merge-patch+json")) {
      JsonNode patch = parse(body);
      return write(target, current -> (ObjectNode) MergePatch.strategicMerge(current, patch), preconditioned(patch));
    }
    if (contentType.startsWith("application/json-patch+json")) {
      // RFC 6902, applied here rather than by the parent so that the result is admitted like any other write.
      JsonNode patch = parse(body);
      return write(target, current -> jsonPatch(patch, current), false);
    }
    throw ApiError.unsupportedMediaType("the sandbox API server takes apply, merge, strategic merge and JSON patches, "
        + "not " + contentType);
  }

  private static ObjectNode jsonPatch(JsonNode patch, ObjectNode current) {
    try {
      return (ObjectNode) JsonPatch.apply(patch, current);
    } catch (JsonPatchException | ClassCastException e) {
      throw new ApiError(422, "Invalid", "the JSON patch does not apply: " + e.getMessage());
    }
  }

  private static boolean preconditioned(JsonNode patch) {
    return !patch.path("metadata").path("resourceVersion").asText().isEmpty();
  }

  private MockResponse apply(ResourcePath target, ResourceType type, ObjectNode applied, String manager) {
    String name = applied.path("metadata").path("name").asText();
    if (!name.equals(target.name())) {
      throw ApiError.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
          + target.name() + ")");
    }
    if (!type.apiVersion().equals(applied.path("apiVersion").asText()) || !type.kind().equals(applied.path("kind").asText())) {
      throw ApiError.badRequest("apply of " + applied.path("apiVersion").asText() + "/" + applied.path("kind").asText()
          + " sent to the " + type.plural() + " endpoint of " + type.apiVersion());
    }
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      ObjectNode current = current(target);
      ObjectNode result = ServerSideApply.apply(current, applied, manager, clock.instant(), type.hasStatus());
      MockResponse response = current == null
          ? handleCreate(synthetic(HttpMethod.POST, target.collectionPath(), result))
          : handleUpdate(synthetic(HttpMethod.PUT, target.objectPath(), withVersionOf(result, current)));
      if (response.code() != 409) {
        return response;
      }
    }
    throw ApiError.conflict("apply of " + target.objectPath() + " kept conflicting with concurrent writers");
  }

  /** Read-modify-write with optimistic concurrency; retried when another writer got in between. */
  private MockResponse write(ResourcePath target, java.util.function.UnaryOperator<ObjectNode> change,
                             boolean clientPrecondition) {
    String path = "status".equals(target.subresource()) ? target.objectPath() + "/status" : target.objectPath();
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      ObjectNode current = current(target);
      if (current == null) {
        throw ApiError.notFound(target.plural() + " \"" + target.name() + "\"");
      }
      ObjectNode changed = change.apply(current);
      ObjectNode body = clientPrecondition ? changed : withVersionOf(changed, current);
      MockResponse response = handleUpdate(synthetic(HttpMethod.PUT, path, body));
      if (response.code() != 409 || clientPrecondition) {
        return response;
      }
    }
    throw ApiError.conflict("patch of " + target.objectPath() + " kept conflicting with concurrent writers");
  }

  private MockResponse scale(RecordedRequest request, ResourcePath target, ResourceType type) {
    if (!type.hasScale()) {
      throw ApiError.notFound(type.plural() + "/scale");
    }
    MockResponse response;
    if (request.method() == HttpMethod.GET) {
      ObjectNode current = current(target);
      if (current == null) {
        throw ApiError.notFound(type.plural() + " \"" + target.name() + "\"");
      }
      return json(200, Scale.of(current).toString());
    }
    int replicas = Scale.requestedReplicas(request.getHeader("Content-Type"), parse(request.getBody().readUtf8()));
    response = write(new ResourcePath(target.group(), target.version(), target.namespace(), target.plural(),
        target.name(), null, ""), current -> Scale.withReplicas(current, replicas), false);
    if (response.code() != 200) {
      return response;
    }
    return json(200, Scale.of((ObjectNode) parse(response.getBody().readUtf8())).toString());
  }

  private ObjectNode current(ResourcePath target) {
    MockResponse response = super.handleGet(target.objectPath());
    return response.code() == 200 ? (ObjectNode) parse(response.getBody().readUtf8()) : null;
  }

  private static ObjectNode withVersionOf(ObjectNode changed, ObjectNode current) {
    ObjectNode copy = changed.deepCopy();
    ((ObjectNode) copy.path("metadata")).put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
    return copy;
  }

  private static RecordedRequest synthetic(HttpMethod method, String path, JsonNode body) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer().writeUtf8(body.toString()));
  }

  private static RecordedRequest copyOf(RecordedRequest request, String body) {
    return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(),
        new Buffer().writeUtf8(body));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw ApiError.badRequest("request body is not valid JSON: " + e.getMessage());
    }
  }

  private static JsonNode parseYaml(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("apply body must be one object");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.badRequest("apply body is not valid YAML: " + e.getMessage());
    }
  }

  /** Every create, whether a client's POST or one computed here (apply), is admitted first. */
  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    return super.handleCreate(admitted(request, () -> null));
  }

  /** Every update of an object (not of its status) is admitted first, with the object it replaces. */
  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    Optional<ResourcePath> target = ResourcePath.parse(request.getPath());
    if (target.isEmpty() || target.get().subresource() != null || target.get().name() == null) {
      return super.handleUpdate(request);
    }
    return super.handleUpdate(admitted(request, () -> current(target.get())));
  }

  private RecordedRequest admitted(RecordedRequest request, Supplier<ObjectNode> current) {
    JsonNode body = parse(request.getBody().readUtf8());
    if (!body.isObject()) {
      throw ApiError.badRequest("the request body must be one object");
    }
    return copyOf(request, admission.admit((ObjectNode) body, current).toString());
  }

  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    return ResourcePath.parse(path)
        .flatMap(p -> catalog.byPlural(p.group(), p.version(), p.plural()))
        .map(ResourceType::hasStatus).orElse(false);
  }
}
