package ai.kinitro.backend.metagraph;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kinitro.metagraph.*}, deprecated: use {@code kinitro.chain.static-neurons}, which feeds both
 * the static chain and the {@code metagraph_neurons} table. Still accepted: used when it is the only
 * one set, and refused at start-up when it lists other neurons than {@code kinitro.chain.static-neurons}
 * (see {@code ai.kinitro.backend.chain.SubnetSettings}).
 *
 * @param neurons e.g. {@code kinitro.metagraph.neurons[0].uid=4}, {@code ...[0].hotkey=5F...},
 *     {@code ...[0].validator-permit=true}
 */
@Validated
@ConfigurationProperties("kinitro.metagraph")
public record MetagraphProperties(@DefaultValue({}) @Valid List<Entry> neurons) {
  public MetagraphProperties {
    neurons = List.copyOf(neurons);
  }

  /** One configured neuron. */
  public record Entry(@Min(0) @Max(65535) int uid, @NotBlank String hotkey, boolean validatorPermit) {}
}
