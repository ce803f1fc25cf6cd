package ai.kinitro.common.chain.metadata;

import java.util.List;
import java.util.Objects;

/** A runtime API trait (V15 only), e.g. {@code SubnetInfoRuntimeApi}, with its methods. */
public record RuntimeApiMetadata(String name, List<Method> methods, List<String> docs) {
  public RuntimeApiMetadata {
    Objects.requireNonNull(name, "name");
    methods = List.copyOf(methods);
    docs = List.copyOf(docs);
  }

  /** A method: call it through {@code state_call("<Api>_<method>", SCALE(inputs))}. */
  public record Method(String name, List<Param> inputs, int output, List<String> docs) {
    public Method {
      Objects.requireNonNull(name, "name");
      inputs = List.copyOf(inputs);
      docs = List.copyOf(docs);
    }
  }

  /** A named input. */
  public record Param(String name, int type) {
    public Param {
      Objects.requireNonNull(name, "name");
    }
  }
}
