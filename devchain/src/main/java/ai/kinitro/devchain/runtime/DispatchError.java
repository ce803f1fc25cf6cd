package ai.kinitro.devchain.runtime;

import ai.kinitro.common.scale.ScaleWriter;
import java.util.Objects;

/**
 * Why an included extrinsic's call failed: {@code sp_runtime::DispatchError}. It reaches clients
 * only inside a {@code System.ExtrinsicFailed} event.
 */
public sealed interface DispatchError {
  /** The variant index in {@code DispatchError}. */
  int VARIANT_BAD_ORIGIN = 2;
  int VARIANT_MODULE = 3;

  void write(ScaleWriter writer);

  /** A readable name such as {@code SubtensorModule.SettingWeightsTooFast}. */
  String describe();

  /** {@code BadOrigin}: the signer may not make this call. */
  record BadOrigin() implements DispatchError {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(VARIANT_BAD_ORIGIN);
    }

    @Override
    public String describe() {
      return "BadOrigin";
    }
  }

  /**
   * {@code Module(ModuleError { index: u8, error: [u8; 4] })}; the error's variant index is the
   * first of the four bytes.
   */
  record Module(int palletIndex, int errorIndex, String name) implements DispatchError {
    public Module {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(VARIANT_MODULE).u8(palletIndex).u8(errorIndex).u8(0).u8(0).u8(0);
    }

    @Override
    public String describe() {
      return "pallet " + palletIndex + " error " + errorIndex + " (" + name + ")";
    }
  }
}
