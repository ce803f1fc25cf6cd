package ai.kinitro.backend.job;

import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code jobs}: one submission evaluated on one benchmark. {@code spec} is the
 * competition's {@code BenchmarkDefinition} when the job was made; {@code tasks} the task set with
 * seeds ({@link JobTask} list), identical for every validator. {@code rerunOf} points at the job an
 * admin rerun repeats.
 */
@Table("jobs")
public record Job(
    @Id long id,
    long submissionId,
    long competitionId,
    String minerHotkey,
    String provider,
    String benchmarkName,
    Jsonb spec,
    Jsonb tasks,
    Long rerunOf,
    Instant createdAt,
    Instant updatedAt) {
  public Job {
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(benchmarkName, "benchmarkName");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
