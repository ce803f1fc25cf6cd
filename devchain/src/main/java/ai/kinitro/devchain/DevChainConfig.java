package ai.kinitro.devchain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.node.BlockProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a dev chain.
 *
 * @param genesis the starting state
 * @param host the address to listen on
 * @param port the RPC port (0 picks a free one)
 * @param dataDirectory where the chain is kept across restarts; empty keeps it in memory only
 * @param blockTime the block interval; empty means manual production ({@link DevChain#advance})
 */
public record DevChainConfig(
    Genesis genesis, String host, int port, Optional<Path> dataDirectory, Optional<Duration> blockTime) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9944;
  public static final Duration DEFAULT_BLOCK_TIME = BlockProducer.DEFAULT_BLOCK_TIME;
  public static final Duration MIN_BLOCK_TIME = BlockProducer.MIN_BLOCK_TIME;

  public DevChainConfig {
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(blockTime, "blockTime");
    if (port < 0 || port > 0xFFFF) {
      throw new KinitroException(ErrorCode.DEVCHAIN_CONFIG_INVALID, "port " + port + " must be between 0 and 65535");
    }
    blockTime.ifPresent(BlockProducer::requireValid);
  }

  /**
   * The bundled genesis on port 9944, in memory, with the genesis file's block time (12 s when it
   * names none).
   */
  public static DevChainConfig defaults() {
    Genesis genesis = GenesisParser.defaultGenesis();
    return new DevChainConfig(genesis, DEFAULT_HOST, DEFAULT_PORT, Optional.empty(),
        Optional.of(genesis.blockTime().orElse(DEFAULT_BLOCK_TIME)));
  }

  /** For tests: the bundled genesis on a free port, in memory, blocks only when the test advances. */
  public static DevChainConfig forTests() {
    return new DevChainConfig(GenesisParser.defaultGenesis(), DEFAULT_HOST, 0, Optional.empty(), Optional.empty());
  }

  public DevChainConfig withGenesis(Genesis newGenesis) {
    return new DevChainConfig(newGenesis, host, port, dataDirectory, blockTime);
  }

  public DevChainConfig withPort(int newPort) {
    return new DevChainConfig(genesis, host, newPort, dataDirectory, blockTime);
  }

  public DevChainConfig withDataDirectory(Path directory) {
    return new DevChainConfig(genesis, host, port, Optional.of(directory), blockTime);
  }

  public DevChainConfig withBlockTime(Duration interval) {
    return new DevChainConfig(genesis, host, port, dataDirectory, Optional.of(interval));
  }

  /** Blocks are produced only by {@link DevChain#advance} (and the {@code dev_advanceBlocks} RPC). */
  public DevChainConfig withManualBlocks() {
    return new DevChainConfig(genesis, host, port, dataDirectory, Optional.empty());
  }
}
