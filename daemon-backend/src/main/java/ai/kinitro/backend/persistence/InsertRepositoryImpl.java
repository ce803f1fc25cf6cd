package ai.kinitro.backend.persistence;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/** The implementation Spring Data plugs into every repository that extends {@link InsertRepository}. */
class InsertRepositoryImpl<T> implements InsertRepository<T> {
  private final JdbcAggregateOperations operations;

  InsertRepositoryImpl(JdbcAggregateOperations operations) {
    this.operations = operations;
  }

  @Override
  public <S extends T> S insert(S entity) {
    return operations.insert(entity);
  }
}
