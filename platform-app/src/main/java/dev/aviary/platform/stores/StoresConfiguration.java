package dev.aviary.platform.stores;

import com.zaxxer.hikari.HikariDataSource;
import dev.aviary.platform.PlatformProperties;
import dev.aviary.platform.documents.Tracing;
import dev.aviary.platform.metrics.PlatformMetrics;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * The stores, chosen by configuration: in memory when {@code spring.datasource.url} is not set (one instance, nothing
 * survives a restart), otherwise PostgreSQL for the documents and Redis for the queue and the duplicate check, so
 * replicas share both. PostgreSQL and Redis must be reachable at start (Flyway migrates the schema then); later
 * outages make the instance not ready and its requests 503, until they are back.
 */
@Configuration(proxyBeanMethods = false)
class StoresConfiguration {

  private static final String NO_DATABASE = "'${spring.datasource.url:}'.isBlank()";

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(NO_DATABASE)
  static class InMemory {

    @Bean
    InMemoryDocumentStore inMemoryDocumentStore(PlatformProperties properties, StoresProperties stores) {
      if (stores.redisConfigured()) {
        throw new IllegalStateException("platform.stores.redis-url (REDIS_URL) is set but spring.datasource.url"
            + " (SPRING_DATASOURCE_URL) is not: the Redis queue carries ids of documents kept in PostgreSQL. Set"
            + " both, or neither to keep documents in memory");
      }
      return new InMemoryDocumentStore(properties.storeLimit());
    }

    @Bean(destroyMethod = "close")
    LocalWorkQueue localWorkQueue(PlatformProperties properties) {
      return new LocalWorkQueue(properties.workers(), properties.queueCapacity());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("!" + NO_DATABASE)
  @EnableConfigurationProperties(DataSourceProperties.class)
  static class PostgresAndRedis {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
      return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @DependsOnDatabaseInitialization
    PostgresDocumentStore postgresDocumentStore(HikariDataSource dataSource, JsonMapper json, Clock clock,
                                                PlatformMetrics metrics, Tracing tracing) {
      return new PostgresDocumentStore(JdbcClient.create(dataSource), json, clock,
          new StoreCalls("PostgreSQL", "postgresql", metrics, tracing, PostgresDocumentStore::unreachable));
    }

    @Bean(destroyMethod = "shutdown")
    ClientResources redisResources() {
      // reconnect every half second after an outage, not with Lettuce's default back-off of up to 30 s
      return ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(500))).build();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(StoresProperties stores, ClientResources resources) {
      if (!stores.redisConfigured()) {
        throw new IllegalStateException("spring.datasource.url is set but platform.stores.redis-url (REDIS_URL) is"
            + " not: with PostgreSQL, the processing queue and the duplicate check live in Redis");
      }
      RedisURI uri;
      try {
        uri = RedisURI.create(stores.redisUrl());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("platform.stores.redis-url (REDIS_URL) is not a Redis URL: "
            + e.getMessage(), e);
      }
      if (stores.redisPasswordConfigured()) {
        uri.setAuthentication(stores.redisPassword().toCharArray());
      }
      uri.setTimeout(stores.timeout());
      RedisClient client = RedisClient.create(resources, uri);
      // while disconnected, calls fail at once (503, not ready) instead of piling up until the timeout
      client.setOptions(ClientOptions.builder().autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .timeoutOptions(TimeoutOptions.enabled(stores.timeout())).build());
      return client;
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
      return client.connect();
    }

    @Bean
    RedisDuplicateIndex redisDuplicateIndex(StatefulRedisConnection<String, String> connection,
                                            PlatformMetrics metrics, Tracing tracing) {
      return new RedisDuplicateIndex(connection, redisCalls(metrics, tracing));
    }

    @Bean(destroyMethod = "close")
    RedisWorkQueue redisWorkQueue(RedisClient client, StatefulRedisConnection<String, String> connection,
                                  PlatformProperties properties, PlatformMetrics metrics, Tracing tracing) {
      return new RedisWorkQueue(client, connection, redisCalls(metrics, tracing), properties.workers(),
          properties.queueCapacity());
    }

    @Bean(destroyMethod = "close")
    StaleDocumentSweeper staleDocumentSweeper(PostgresDocumentStore store, RedisWorkQueue queue, Clock clock,
                                              StoresProperties stores) {
      StaleDocumentSweeper sweeper = new StaleDocumentSweeper(store, queue, clock, stores.requeueAfter());
      sweeper.start();
      return sweeper;
    }

    private static StoreCalls redisCalls(PlatformMetrics metrics, Tracing tracing) {
      return new StoreCalls("Redis", "redis", metrics, tracing, RedisWorkQueue::unreachable);
    }
  }
}
