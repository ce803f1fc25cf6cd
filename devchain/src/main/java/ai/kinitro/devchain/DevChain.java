package ai.kinitro.devchain;

import ai.kinitro.devchain.node.BlockProducer;
import ai.kinitro.devchain.node.BlockRecord;
import ai.kinitro.devchain.node.DevNode;
import ai.kinitro.devchain.node.Hash;
import ai.kinitro.devchain.rpc.RpcServer;
import ai.kinitro.devchain.store.ChainStore;
import ai.kinitro.devchain.store.DataDirectory;
import java.net.URI;
import java.util.Optional;

/**
 * A running dev chain: the node, its RPC server and (unless manual) its block timer.
 *
 * <pre>{@code
 * try (DevChain chain = DevChain.start(DevChainConfig.forTests())) {
 *   URI ws = chain.url();          // ws://127.0.0.1:<port>
 *   ...submit through a client...
 *   chain.advance(1);              // include the pool's transactions in a block
 * }
 * }</pre>
 */
public final class DevChain implements AutoCloseable {
  private final DevChainConfig config;
  private final DevNode node;
  private final RpcServer server;
  private final Optional<BlockProducer> producer;

  private DevChain(DevChainConfig config, DevNode node, RpcServer server, Optional<BlockProducer> producer) {
    this.config = config;
    this.node = node;
    this.server = server;
    this.producer = producer;
  }

  /** Opens the chain (resuming from the data directory if it holds one), starts serving and producing blocks. */
  public static DevChain start(DevChainConfig config) {
    ChainStore store = config.dataDirectory().<ChainStore>map(DataDirectory::open).orElseGet(ChainStore::inMemory);
    DevNode node;
    try {
      node = DevNode.open(config.genesis(), store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    RpcServer server;
    try {
      server = RpcServer.start(node, config.host(), config.port());
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    Optional<BlockProducer> producer = config.blockTime().map(interval -> BlockProducer.start(node, interval));
    return new DevChain(config, node, server, producer);
  }

  /** The WebSocket endpoint, {@code ws://host:port}. */
  public URI url() {
    return URI.create("ws://" + config.host() + ":" + server.port());
  }

  /** The HTTP endpoint, {@code http://host:port}. */
  public URI httpUrl() {
    return URI.create("http://" + config.host() + ":" + server.port());
  }

  public int port() {
    return server.port();
  }

  public DevChainConfig config() {
    return config;
  }

  public Hash genesisHash() {
    return node.genesisHash();
  }

  /** The best (and finalized) block number. */
  public long bestNumber() {
    return node.head().number();
  }

  /** Produces {@code blocks} blocks now (with whatever the pool holds). Returns the new best block number. */
  public long advance(int blocks) {
    BlockRecord head = node.produceBlocks(blocks);
    return head.number();
  }

  /** The node, for tests that inspect the chain directly. */
  public DevNode node() {
    return node;
  }

  @Override
  public void close() {
    producer.ifPresent(BlockProducer::close);
    server.close();
    node.close();
  }
}
