package ai.kinitro.validator.weights;

import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import java.net.URI;
import java.util.Objects;

/**
 * Opens the chain client on first use and keeps it; if opening fails, the next use tries again
 * (the weights duty logs and counts the failure and carries on).
 */
public final class LazyChainClient implements AutoCloseable {
  private final URI url;
  private ChainClient client;

  public LazyChainClient(URI url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  public synchronized ChainClient get() {
    if (client == null) {
      client = SubstrateChainClient.connect(url);
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
