package ai.kinitro.backend.persistence;

/**
 * Repository fragment that always INSERTs. Our ids are assigned by the application before the
 * first save, so Spring Data's {@code save} would treat a new row as an update; new rows go through
 * {@link #insert} instead and {@code save} is used for updates.
 */
public interface InsertRepository<T> {
  <S extends T> S insert(S entity);
}
