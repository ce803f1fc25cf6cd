package ai.kinitro.evaluator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fabric8 mock API server in CRUD mode with a client, as {@code @EnableKubernetesMockClient(crud
 * = true)} builds them, but closed by the test: fabric8's mock server 8.0.0 can keep its event loop
 * busy for up to a minute when a pod watch closes while it still sends events, and then its own
 * shutdown gives up with "Unable to close MockWebServer". That says nothing about the code under
 * test (whose assertions ran before), so the close logs it instead of failing the test.
 */
public final class MockKubernetes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MockKubernetes.class);

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockKubernetes(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  public static MockKubernetes crud() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
        new HashMap<>(), new KubernetesMixedDispatcher(new HashMap<>()), false);
    server.init();
    return new MockKubernetes(server);
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      if (!String.valueOf(e.getMessage()).contains("Unable to close MockWebServer")) {
        throw e;
      }
      LOG.warn("The fabric8 mock API server did not stop in time (a known mock-server stall after a watch closed): {}",
          e.toString());
    }
  }
}
