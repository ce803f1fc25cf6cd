package ai.kinitro.testsupport.postgres;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh database on the JVM's one PostgreSQL server ({@link
 * TestPostgres}) and injects it as a {@link TestDatabase} or {@link DataSource} parameter into
 * constructors, lifecycle methods and tests. The database is dropped after the class.
 * Use it through {@link WithPostgres}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase db = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), TestDatabase.class);
    if (db != null) {
      TestPostgres.shared().dropDatabase(db);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase db = database(context);
    return parameter.getParameter().getType() == DataSource.class ? db.dataSource() : db;
  }

  private static TestDatabase database(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE)
        .computeIfAbsent(testClass, c -> TestPostgres.shared().createDatabase(c.getSimpleName()), TestDatabase.class);
  }
}
