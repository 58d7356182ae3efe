package dev.aviary.platform.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents in memory, newest last, at most {@code limit} of them (the oldest go first). The service keeps no
 * state worth a database: a restart loses processed results, which clients can resubmit.
 */
final class DocumentStore {

  private final int limit;
  private final Map<String, Document> byId = new LinkedHashMap<>();
  private final Map<String, String> idByHash = new LinkedHashMap<>();

  DocumentStore(int limit) {
    this.limit = limit;
  }

  synchronized void put(Document document) {
    byId.put(document.id(), document);
    idByHash.putIfAbsent(document.contentHash(), document.id());
    while (byId.size() > limit) {
      Document oldest = byId.values().iterator().next();
      byId.remove(oldest.id());
      idByHash.remove(oldest.contentHash(), oldest.id());
    }
  }

  synchronized Optional<Document> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The document with the same content, unless it failed (a failed one may be retried). */
  synchronized Optional<Document> byHash(String hash) {
    return Optional.ofNullable(idByHash.get(hash)).map(byId::get)
        .filter(d -> d.status() != DocumentStatus.FAILED);
  }

  /** Newest first. */
  synchronized List<Document> page(int page, int size) {
    List<Document> all = new ArrayList<>(byId.values());
    Collections.reverse(all);
    int from = Math.min(all.size(), page * size);
    return List.copyOf(all.subList(from, Math.min(all.size(), from + size)));
  }

  synchronized int size() {
    return byId.size();
  }
}
