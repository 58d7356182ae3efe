package dev.aviary.platform.stores;

import dev.aviary.platform.documents.Document;
import dev.aviary.platform.documents.DocumentStatus;
import dev.aviary.platform.documents.DocumentStore;
import dev.aviary.platform.processing.Analysis;
import dev.aviary.platform.processing.DocumentType;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The documents in PostgreSQL (table {@code documents}, created by Flyway from {@code db/migration}). */
public final class PostgresDocumentStore implements DocumentStore {

  private static final String COLUMNS =
      "id, name, type, size_bytes, content_hash, status, submitted_at, completed_at, analysis, error";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final StoreCalls calls;

  PostgresDocumentStore(JdbcClient jdbc, JsonMapper json, Clock clock, StoreCalls calls) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.calls = calls;
  }

  static boolean unreachable(RuntimeException e) {
    return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
        || e instanceof RecoverableDataAccessException;
  }

  @Override
  public void add(Document d, byte[] content, String traceParent) {
    calls.run("add", () -> jdbc.sql("INSERT INTO documents (id, name, type, size_bytes, content_hash, status,"
            + " submitted_at, updated_at, content, trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.id(), d.name(), d.type().name(), d.sizeBytes(), d.contentHash(), d.status().name(),
            at(d.submittedAt()), at(clock.instant()), content, traceParent)
        .update());
  }

  @Override
  public Optional<Claim> claim(String id) {
    return calls.call("claim", () -> jdbc.sql("UPDATE documents SET status = 'PROCESSING', updated_at = ?,"
            + " attempts = attempts + 1 WHERE id = ? AND status = 'QUEUED' AND content IS NOT NULL"
            + " RETURNING " + COLUMNS + ", content, trace_parent")
        .params(at(clock.instant()), id)
        .query((rs, row) -> new Claim(document(rs), rs.getBytes("content"), rs.getString("trace_parent")))
        .optional());
  }

  @Override
  public void finish(Document d) {
    calls.run("finish", () -> jdbc.sql("UPDATE documents SET status = ?, updated_at = ?, completed_at = ?,"
            + " analysis = CAST(? AS jsonb), error = ?, content = NULL WHERE id = ?")
        .params(d.status().name(), at(clock.instant()), at(d.completedAt()),
            d.analysis() == null ? null : json.writeValueAsString(d.analysis()), d.error(), d.id())
        .update());
  }

  @Override
  public Optional<Document> get(String id) {
    return calls.call("get", () -> jdbc.sql("SELECT " + COLUMNS + " FROM documents WHERE id = ?").param(id)
        .query(documents()).optional());
  }

  @Override
  public List<Document> page(int page, int size) {
    return calls.call("page", () -> jdbc.sql("SELECT " + COLUMNS
            + " FROM documents ORDER BY submitted_at DESC, id DESC LIMIT ? OFFSET ?")
        .params(size, (long) page * size).query(documents()).list());
  }

  @Override
  public int size() {
    return calls.call("count", () -> jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single())
        .intValue();
  }

  @Override
  public Optional<String> problem() {
    return calls.problem(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
  }

  /**
   * The documents that have waited since before {@code cutoff}, QUEUED or PROCESSING (their instance stopped while
   * processing them); all are QUEUED again, with the clock restarted, so that they can be queued once more.
   */
  List<String> requeueWaitingSince(Instant cutoff) {
    return calls.call("requeue", () -> jdbc.sql("UPDATE documents SET status = 'QUEUED', updated_at = ?"
            + " WHERE status IN ('QUEUED', 'PROCESSING') AND updated_at < ? AND content IS NOT NULL RETURNING id")
        .params(at(clock.instant()), at(cutoff)).query(String.class).list());
  }

  private RowMapper<Document> documents() {
    return (rs, row) -> document(rs);
  }

  private Document document(ResultSet rs) throws SQLException {
    String analysis = rs.getString("analysis");
    return new Document(rs.getString("id"), rs.getString("name"), DocumentType.valueOf(rs.getString("type")),
        rs.getLong("size_bytes"), rs.getString("content_hash"), DocumentStatus.valueOf(rs.getString("status")),
        instant(rs, "submitted_at"), instant(rs, "completed_at"),
        analysis == null ? null : json.readValue(analysis, Analysis.class), rs.getString("error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
