package ai.kinitro.devchain.runtime;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.scale.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * {@code sp_version::RuntimeVersion} of the dev chain: what {@code state_getRuntimeVersion} and
 * {@code Core_version} answer. The spec name and versions match the subtensor runtime whose
 * formats the dev chain reproduces (chain.md: spec 425, transaction version 1).
 *
 * @param apis the runtime APIs the dev chain answers through {@code state_call}, with versions
 */
public record RuntimeVersion(
    String specName, String implName, long authoringVersion, long specVersion, long implVersion,
    List<Api> apis, long transactionVersion, int systemVersion) {

  public static final String SPEC_NAME = "node-subtensor";
  public static final long SPEC_VERSION = 425;
  public static final long TRANSACTION_VERSION = 1;

  /** The dev chain's version. */
  public static final RuntimeVersion DEV_CHAIN = new RuntimeVersion(SPEC_NAME, SPEC_NAME, 1, SPEC_VERSION, 1,
      List.of(new Api("Core", 5), new Api("Metadata", 2), new Api("AccountNonceApi", 1),
          new Api("NeuronInfoRuntimeApi", 1), new Api("SubnetInfoRuntimeApi", 1)),
      TRANSACTION_VERSION, 1);

  public RuntimeVersion {
    Objects.requireNonNull(specName, "specName");
    Objects.requireNonNull(implName, "implName");
    apis = List.copyOf(apis);
  }

  /** A runtime API and its version; its id is {@code blake2b-64(name)}. */
  public record Api(String name, int version) {
    public byte[] id() {
      return Hashing.blake2b(64, name.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The SCALE form {@code Core_version} returns. */
  public byte[] encode() {
    return ScaleWriter.encode(w -> {
      w.string(specName).string(implName).u32(authoringVersion).u32(specVersion).u32(implVersion);
      w.sequence(apis, (x, api) -> x.fixedBytes(api.id()).u32(api.version()));
      w.u32(transactionVersion).u8(systemVersion);
    });
  }
}
