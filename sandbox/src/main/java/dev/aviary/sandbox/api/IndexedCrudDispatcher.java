package dev.aviary.sandbox.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's CRUD dispatcher with its store indexed by object name. The parent finds one object by scanning every
 * stored object, and it does so on every create (is the name taken?), update and single-object read, so filling it
 * with 50,000 pods took quadratic time (more than half an hour); with the index each of those is a lookup among the
 * few objects of that name, and it answers exactly as the scan would: the same {@link AttributeSet#matches} decides.
 * <p>
 * The parent changes its store only in {@link #processEvent} (create, update, delete) and {@link #reset}; both are
 * followed here. The index holds immutable entries, so reads need not take the parent's (private) lock. Should a later
 * fabric8 key its store differently, the check in {@link #index} notices, says so once, and from then on every
 * lookup scans as the parent does: slower, never wrong.
 */
class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  private static final Logger log = LoggerFactory.getLogger(IndexedCrudDispatcher.class);
  private static final String NAME = KubernetesAttributesExtractor.NAME;

  private final Map<Attribute, List<Map.Entry<AttributeSet, String>>> byName = new ConcurrentHashMap<>();
  private volatile boolean indexed = true;

  IndexedCrudDispatcher(List<CustomResourceDefinitionContext> kinds) {
    super(kinds);
  }

  /** False once the store's keys turned out not to be what the index expects: lookups scan from then on. */
  boolean indexed() {
    return indexed;
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Attribute name = query.getAttribute(NAME);
    if (name == null || !indexed) {
      return super.findResource(query);
    }
    for (Map.Entry<AttributeSet, String> candidate : byName.getOrDefault(name, List.of())) {
      if (candidate.getKey().matches(query)) {
        return candidate;
      }
    }
    return null;
  }

  /** One object by its path, from the index; anything else (lists, not found) as the parent answers it. */
  @Override
  public MockResponse handleGet(String path) {
    AttributeSet query = getKey(path);
    Map.Entry<AttributeSet, String> found = indexed && query.containsKey(NAME) ? findResource(query) : null;
    if (found == null) {
      return super.handleGet(path);
    }
    return new MockResponse().setResponseCode(200).setBody(found.getValue());
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                           GenericKubernetesResource resource, String newState) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (!indexed) {
      return;
    }
    if (oldAttributes != null) {
      unindex(oldAttributes);
    }
    if (newState != null) {
      index(keyOf(pathAttributes, resource, newState), newState);
    }
  }

  @Override
  public void reset() {
    super.reset();
    byName.clear();
    indexed = true;
  }

  /** The key the parent stored {@code newState} under, computed as it does. */
  private AttributeSet keyOf(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
  }

  private void index(AttributeSet key, String state) {
    if (!state.equals(map.get(key)) || key.getAttribute(NAME) == null) {
      indexed = false;
      byName.clear();
      log.warn("the sandbox API server's store keys objects differently than its index expects: it finds objects "
          + "by scanning from now on, which is slow with many objects");
      return;
    }
    byName.compute(key.getAttribute(NAME), (name, entries) -> {
      List<Map.Entry<AttributeSet, String>> updated = new ArrayList<>(entries == null ? List.of() : entries);
      updated.removeIf(e -> e.getKey().equals(key));
      updated.add(Map.entry(key, state));
      return List.copyOf(updated);
    });
  }

  private void unindex(AttributeSet key) {
    Attribute name = key.getAttribute(NAME);
    if (name == null) {
      return;
    }
    byName.computeIfPresent(name, (n, entries) -> {
      List<Map.Entry<AttributeSet, String>> left = entries.stream().filter(e -> !e.getKey().equals(key)).toList();
      return left.isEmpty() ? null : left;
    });
  }
}
