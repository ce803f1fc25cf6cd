package ai.kinitro.backend.edge;

import ai.kinitro.backend.chain.CommitmentSnapshot;
import ai.kinitro.backend.chain.Neuron;
import ai.kinitro.backend.chain.SubnetChain;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A chain the test controls: neurons and commitments set by hand; counts the commitment reads. */
public final class FakeSubnetChain implements SubnetChain {
  private final List<Neuron> neurons = new ArrayList<>();
  private final Map<String, CommitmentRegistration> commitments = new LinkedHashMap<>();
  private final AtomicLong block = new AtomicLong(100);
  private final AtomicInteger commitmentReads = new AtomicInteger();

  @Override
  public int netuid() {
    return 26;
  }

  @Override
  public synchronized List<Neuron> neurons() {
    return List.copyOf(neurons);
  }

  @Override
  public synchronized CommitmentSnapshot commitments() {
    commitmentReads.incrementAndGet();
    return new CommitmentSnapshot(block.get(), commitments);
  }

  public synchronized void register(String hotkey, boolean validatorPermit) {
    neurons.removeIf(n -> n.hotkey().equals(hotkey));
    neurons.add(new Neuron(neurons.size() + 1, hotkey, validatorPermit, 1000));
  }

  /** Sets the hotkey's commitment (one Raw field) at the next block. */
  public synchronized long commit(String hotkey, String text) {
    long at = block.incrementAndGet();
    commitments.put(hotkey, new CommitmentRegistration(0, at, List.of(CommitmentData.raw(text))));
    return at;
  }

  public int commitmentReads() {
    return commitmentReads.get();
  }
}
