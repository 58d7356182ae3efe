package dev.aviary.platform.documents;

import dev.aviary.platform.PlatformProperties;
import dev.aviary.platform.metrics.PlatformMetrics;
import dev.aviary.platform.processing.DocumentAnalyzer;
import dev.aviary.platform.processing.TextExtractor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

  @Bean(destroyMethod = "close")
  ProcessingQueue processingQueue(PlatformProperties properties, PlatformMetrics metrics) {
    ProcessingQueue queue = new ProcessingQueue(properties.workers(), properties.queueCapacity());
    metrics.queue(queue::depth, queue.capacity());
    return queue;
  }

  @Bean
  DocumentService documentService(PlatformProperties properties, ProcessingQueue queue, PlatformMetrics metrics,
                                  Clock clock) {
    TextExtractor extractor = new TextExtractor();
    return new DocumentService(new DocumentStore(properties.storeLimit()), queue,
        new DocumentAnalyzer(extractor, properties.chunkWords(), properties.chunkOverlap()), extractor, metrics, clock,
        properties.maxDocumentSize().toBytes());
  }
}
