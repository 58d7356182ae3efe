package dev.aviary.platform.stores;

import dev.aviary.platform.documents.Document;
import dev.aviary.platform.documents.DocumentStatus;
import dev.aviary.platform.documents.DocumentStore;
import dev.aviary.platform.documents.DuplicateIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents in memory, newest last, at most {@code limit} of them (the oldest go first), with their content
 * hashes. For one instance without a database: a restart loses everything, which clients can resubmit.
 */
public final class InMemoryDocumentStore implements DocumentStore, DuplicateIndex {

  private final int limit;
  private final Map<String, Document> byId = new LinkedHashMap<>();
  private final Map<String, String> idByHash = new HashMap<>();
  private final Map<String, Claim> waitingById = new HashMap<>();

  public InMemoryDocumentStore(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void add(Document document, byte[] content, String traceParent) {
    byId.put(document.id(), document);
    waitingById.put(document.id(), new Claim(document, content, traceParent));
    while (byId.size() > limit) {
      Document oldest = byId.values().iterator().next();
      byId.remove(oldest.id());
      waitingById.remove(oldest.id());
      idByHash.remove(oldest.contentHash(), oldest.id());
    }
  }

  @Override
  public synchronized Optional<Claim> claim(String id) {
    Document document = byId.get(id);
    Claim waiting = waitingById.remove(id);
    if (document == null || document.status() != DocumentStatus.QUEUED || waiting == null) {
      return Optional.empty();
    }
    Document processing = document.withStatus(DocumentStatus.PROCESSING);
    byId.put(id, processing);
    return Optional.of(new Claim(processing, waiting.content(), waiting.traceParent()));
  }

  @Override
  public synchronized void finish(Document document) {
    waitingById.remove(document.id());
    byId.computeIfPresent(document.id(), (id, earlier) -> document);
  }

  @Override
  public synchronized Optional<Document> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Document> page(int page, int size) {
    List<Document> all = new ArrayList<>(byId.values());
    Collections.reverse(all);
    int from = Math.min(all.size(), page * size);
    return List.copyOf(all.subList(from, Math.min(all.size(), from + size)));
  }

  @Override
  public synchronized int size() {
    return byId.size();
  }

  @Override
  public Optional<String> problem() {
    return Optional.empty();
  }

  @Override
  public synchronized Optional<String> claim(String hash, String id) {
    String holder = idByHash.putIfAbsent(hash, id);
    return Optional.ofNullable(holder);
  }

  @Override
  public synchronized void replace(String hash, String id) {
    idByHash.put(hash, id);
  }

  @Override
  public synchronized void release(String hash, String id) {
    idByHash.remove(hash, id);
  }
}
