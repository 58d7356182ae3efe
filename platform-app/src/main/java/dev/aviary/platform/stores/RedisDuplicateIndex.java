package dev.aviary.platform.stores;

import dev.aviary.platform.documents.DuplicateIndex;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.util.Optional;

/** Content hash -> document id as Redis strings ({@code SET NX}), one index for all replicas. */
final class RedisDuplicateIndex implements DuplicateIndex {

  static final String PREFIX = "aviary:documents:hash:";
  /** Deletes the key only while it still holds the given id, in one step. */
  private static final String DELETE_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then"
      + " return redis.call('del', KEYS[1]) else return 0 end";

  private final StatefulRedisConnection<String, String> connection;
  private final StoreCalls calls;

  RedisDuplicateIndex(StatefulRedisConnection<String, String> connection, StoreCalls calls) {
    this.connection = connection;
    this.calls = calls;
  }

  @Override
  public Optional<String> claim(String hash, String id) {
    return calls.call("claim_hash", () -> {
      for (int attempt = 0; attempt < 3; attempt++) {
        if ("OK".equals(connection.sync().set(PREFIX + hash, id, SetArgs.Builder.nx()))) {
          return Optional.<String>empty();
        }
        String holder = connection.sync().get(PREFIX + hash);
        if (holder != null) {
          return Optional.of(holder);
        }
      }
      throw new IllegalStateException("the key for hash " + hash + " kept changing under three attempts");
    });
  }

  @Override
  public void replace(String hash, String id) {
    calls.run("replace_hash", () -> connection.sync().set(PREFIX + hash, id));
  }

  @Override
  public void release(String hash, String id) {
    calls.run("release_hash", () -> connection.sync().<Long>eval(DELETE_IF_HELD, ScriptOutputType.INTEGER,
        new String[] {PREFIX + hash}, id));
  }
}
