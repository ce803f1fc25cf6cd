package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The runtime API methods the dev chain answers through {@code state_call}, with subtensor's SCALE
 * inputs and outputs (chain.md §1.4): {@code SubnetInfoRuntimeApi_get_selective_metagraph} (all 74
 * indices; quantities the dev chain does not model, such as emissions, are zero), {@code
 * get_selective_mechagraph}, {@code get_next_epoch_start_block}, {@code
 * NeuronInfoRuntimeApi_get_neurons_lite}, {@code AccountNonceApi_account_nonce}, {@code
 * Core_version} and the {@code Metadata_*} calls.
 */
public final class RuntimeApis {
  /** The highest selective-metagraph index (73, commitments). */
  public static final int LAST_METAGRAPH_INDEX = 73;

  private static final int AXON_INFO_BYTES = 34;
  private static final int PROMETHEUS_INFO_BYTES = 31;
  private static final int FIXED_I96F32_BYTES = 16;
  private static final long ACTIVITY_CUTOFF = 5000;
  private static final byte[] SUBNET_NAME = "kinitro".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SUBNET_SYMBOL = "\u03b1".getBytes(StandardCharsets.UTF_8);

  private final RuntimeVersion version;
  private final byte[] metadataV14;
  private final byte[] metadataV15;

  public RuntimeApis(RuntimeVersion version, byte[] metadataV14, byte[] metadataV15) {
    this.version = Objects.requireNonNull(version, "version");
    this.metadataV14 = metadataV14.clone();
    this.metadataV15 = metadataV15.clone();
  }

  /** What a block offers the runtime APIs: its number, the subnet after it, and its storage. */
  public record BlockView(long number, SubnetView subnet, Storage storage) {}

  /**
   * Runs {@code method} on {@code args}. An unknown method answers empty (the node reports
   * "method not found"); arguments that do not decode fail with {@link ErrorCode#CHAIN_DATA_MALFORMED}.
   */
  public Optional<byte[]> call(String method, byte[] args, BlockView at) {
    ScaleReader r = ScaleReader.of(args);
    byte[] result = switch (method) {
      case "SubnetInfoRuntimeApi_get_selective_metagraph" -> {
        int netuid = r.u16();
        int[] indexes = r.u16Sequence();
        yield selectiveMetagraph(at, netuid, 0, indexes, false);
      }
      case "SubnetInfoRuntimeApi_get_selective_mechagraph" -> {
        int netuid = r.u16();
        int mecid = r.u8();
        int[] indexes = r.u16Sequence();
        yield selectiveMetagraph(at, netuid, mecid, indexes, true);
      }
      case "SubnetInfoRuntimeApi_get_next_epoch_start_block" -> {
        int netuid = r.u16();
        yield nextEpochStart(at, netuid);
      }
      case "NeuronInfoRuntimeApi_get_neurons_lite" -> neuronsLite(at, r.u16());
      case "AccountNonceApi_account_nonce" -> {
        AccountId who = AccountId.read(r);
        yield ScaleWriter.encode(w -> w.u32(nonceAt(at, who)));
      }
      case "Core_version" -> version.encode();
      case "Metadata_metadata" -> ScaleWriter.encode(w -> w.bytes(metadataV14));
      case "Metadata_metadata_versions" -> ScaleWriter.encode(w -> w.sequence(List.of(14, 15), (x, v) -> x.u32(v)));
      case "Metadata_metadata_at_version" -> {
        long requested = r.u32();
        byte[] blob = requested == 14 ? metadataV14 : requested == 15 ? metadataV15 : null;
        yield ScaleWriter.encode(w -> w.option(Optional.ofNullable(blob), ScaleWriter::bytes));
      }
      default -> null;
    };
    if (result == null) {
      return Optional.empty();
    }
    r.expectEnd("the arguments of " + method);
    return Optional.of(result);
  }

  private static long nonceAt(BlockView at, AccountId who) {
    return at.storage().get(StorageLayout.accountKey(who)).map(v -> ScaleReader.of(v).u32()).orElse(0L);
  }

  private static byte[] nextEpochStart(BlockView at, int netuid) {
    SubnetView s = at.subnet();
    if (netuid != s.netuid() || s.params().tempo() == 0) {
      return new byte[] {0};
    }
    int tempo = s.params().tempo();
    long b = at.number() + 1;
    while ((b + netuid + 1) % (tempo + 1) != 0) {
      b++;
    }
    long next = b;
    return ScaleWriter.encode(w -> w.u8(1).u64(next));
  }

  private static byte[] selectiveMetagraph(BlockView at, int netuid, int mecid, int[] indexes, boolean mechagraph) {
    SubnetView s = at.subnet();
    if (netuid != s.netuid()) {
      return new byte[] {0};
    }
    boolean[] wanted = new boolean[LAST_METAGRAPH_INDEX + 1];
    for (int index : indexes) {
      if (index >= 0 && index <= LAST_METAGRAPH_INDEX) {
        wanted[index] = true;
      }
    }
    // get_selective_metagraph fills netuid only when index 0 is asked for; the mechagraph always
    // fills it, with the mechanism's storage index.
    long netuidField = mechagraph ? SubtensorRuntime.storageIndex(netuid, mecid) : wanted[0] ? netuid : 0;
    ScaleWriter w = new ScaleWriter(1024);
    w.u8(1).compact(netuidField);
    for (int index = 1; index <= LAST_METAGRAPH_INDEX; index++) {
      if (!wanted[index]) {
        w.u8(0);
        continue;
      }
      w.u8(1);
      metagraphField(w, index, at, s);
    }
    return w.toByteArray();
  }

  private static void metagraphField(ScaleWriter w, int index, BlockView at, SubnetView s) {
    SubnetParams p = s.params();
    List<Neuron> neurons = s.neurons();
    switch (index) {
      case 1 -> compactBytes(w, SUBNET_NAME);
      case 2 -> compactBytes(w, SUBNET_SYMBOL);
      case 3 -> w.u8(0); // Some(None): no subnet identity
      case 4 -> w.compact(0);
      case 5 -> s.ownerHotkey().write(w);
      case 6 -> s.ownerColdkey().write(w);
      case 7 -> w.compact(at.number());
      case 8 -> w.compact(p.tempo());
      case 9 -> w.compact(s.lastEpochBlock());
      case 10 -> w.compact(at.number() - s.lastEpochBlock());
      case 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 -> w.compact(0);
      case 21 -> w.fixedBytes(new byte[FIXED_I96F32_BYTES]);
      case 22 -> w.compact(10);
      case 23 -> w.compact(32767);
      case 24 -> w.compact(p.minAllowedWeights());
      case 25 -> w.compact(p.maxWeightsLimit());
      case 26 -> w.compactUnsigned(p.weightsVersionKey());
      case 27 -> w.compact(p.weightsSetRateLimit());
      case 28 -> w.compact(ACTIVITY_CUTOFF);
      case 29 -> w.compact(p.maxAllowedValidators());
      case 30 -> w.compact(neurons.size());
      case 31 -> w.compact(p.maxAllowedUids());
      case 32, 33 -> w.compact(0);
      case 34 -> w.bool(true);
      case 35 -> w.bool(false);
      case 36 -> w.compact(p.immunityPeriod());
      case 37, 38, 39, 40, 41, 42, 43 -> w.compact(0);
      case 44 -> w.compact(1);
      case 45 -> w.compact(0);
      case 46 -> w.bool(p.commitRevealEnabled());
      case 47 -> w.compact(p.revealPeriodEpochs());
      case 48 -> w.bool(false);
      case 49, 50, 51 -> w.compact(0);
      case 52 -> perNeuron(w, neurons, (x, n) -> n.hotkey().write(x));
      case 53 -> perNeuron(w, neurons, (x, n) -> n.coldkey().write(x));
      case 54 -> perNeuron(w, neurons, (x, n) -> x.u8(0));
      case 55 -> perNeuron(w, neurons, (x, n) -> x.fixedBytes(new byte[AXON_INFO_BYTES]));
      case 56 -> perNeuron(w, neurons, (x, n) -> x.bool(n.active()));
      case 57 -> perNeuron(w, neurons, (x, n) -> x.bool(n.validatorPermit()));
      case 58, 60, 61, 62, 63, 64, 65, 68 -> perNeuron(w, neurons, (x, n) -> x.compact(0));
      case 59 -> perNeuron(w, neurons, (x, n) -> x.compact(n.lastUpdate()));
      case 66 -> perNeuron(w, neurons, (x, n) -> x.compact(n.registeredAt()));
      case 67, 69 -> perNeuron(w, neurons, (x, n) -> x.compact(n.stake()));
      case 70, 71 -> perNeuron(w, neurons, (x, n) -> {
        n.hotkey().write(x);
        x.compact(0);
      });
      case 72 -> {
        List<Integer> validators = IntStream.range(0, neurons.size())
            .filter(uid -> neurons.get(uid).validatorPermit())
            .filter(uid -> neurons.get(uid).stake() > p.stakeThreshold())
            .boxed()
            .sorted(Comparator.comparingLong(uid -> neurons.get(uid).stake()))
            .toList();
        w.sequence(validators, (x, uid) -> x.compact(uid));
      }
      case 73 -> {
        List<Map.Entry<AccountId, CommitmentRegistration>> entries = s.commitments().entrySet().stream()
            .sorted(Comparator.comparing(e -> StorageHasher.TWOX_64_CONCAT.apply(e.getKey().bytes()),
                Arrays::compareUnsigned))
            .toList();
        w.sequence(entries, (x, e) -> {
          e.getKey().write(x);
          compactBytes(x, e.getValue().encode());
        });
      }
      default -> throw new KinitroException(ErrorCode.INTERNAL_ERROR, "metagraph index " + index + " is not handled");
    }
  }

  private static byte[] neuronsLite(BlockView at, int netuid) {
    SubnetView s = at.subnet();
    if (netuid != s.netuid()) {
      return ScaleWriter.encode(w -> w.compact(0));
    }
    List<Neuron> neurons = s.neurons();
    ScaleWriter w = new ScaleWriter(neurons.size() * 200 + 4);
    w.compact(neurons.size());
    for (int uid = 0; uid < neurons.size(); uid++) {
      Neuron n = neurons.get(uid);
      n.hotkey().write(w);
      n.coldkey().write(w);
      w.compact(uid).compact(netuid).bool(n.active());
      w.fixedBytes(new byte[AXON_INFO_BYTES]).fixedBytes(new byte[PROMETHEUS_INFO_BYTES]);
      w.compact(1);
      n.coldkey().write(w);
      w.compact(n.stake());
      for (int i = 0; i < 7; i++) {
        w.compact(0); // rank, emission, incentive, consensus, trust, validator_trust, dividends
      }
      w.compact(n.lastUpdate()).bool(n.validatorPermit()).compact(0);
    }
    return w.toByteArray();
  }

  private static void compactBytes(ScaleWriter w, byte[] bytes) {
    w.compact(bytes.length);
    for (byte b : bytes) {
      w.compact(b & 0xFF);
    }
  }

  private static void perNeuron(ScaleWriter w, List<Neuron> neurons, BiConsumer<ScaleWriter, Neuron> item) {
    w.sequence(neurons, item);
  }
}
