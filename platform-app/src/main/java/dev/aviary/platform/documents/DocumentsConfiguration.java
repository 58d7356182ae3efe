package dev.aviary.platform.documents;

import dev.aviary.platform.PlatformProperties;
import dev.aviary.platform.metrics.PlatformMetrics;
import dev.aviary.platform.processing.DocumentAnalyzer;
import dev.aviary.platform.processing.TextExtractor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The documents service on whichever stores are configured ({@code stores}: in memory, or PostgreSQL and Redis). */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

  /** The service, with the queue's workers started on it before the first request can arrive. */
  @Bean
  DocumentService documentService(PlatformProperties properties, DocumentStore store, DuplicateIndex duplicates,
                                  WorkQueue queue, PlatformMetrics metrics, Tracing tracing, Clock clock) {
    TextExtractor extractor = new TextExtractor();
    DocumentService service = new DocumentService(store, duplicates, queue,
        new DocumentAnalyzer(extractor, properties.chunkWords(), properties.chunkOverlap()), extractor, metrics, tracing,
        clock,
        properties.maxDocumentSize().toBytes());
    metrics.queue(queue::depth, queue.capacity());
    queue.start(service::process);
    return service;
  }
}
