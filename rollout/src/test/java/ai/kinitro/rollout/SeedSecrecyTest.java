package ai.kinitro.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.agent.v1.ResetRequest;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Nothing the agent receives carries an episode seed or the seed-derived hidden goal: every
 * message is captured on the server side of a real gRPC channel and searched for the seeds' and
 * goals' bytes (both byte orders, float64 and float32) and text (decimal, unsigned, hex).
 */
class SeedSecrecyTest {

  /** Records every request message the agent's server receives. */
  static final class Capture implements ServerInterceptor {
    final List<Message> received = new CopyOnWriteArrayList<>();

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
        @Override
        public void onMessage(Q message) {
          received.add((Message) message);
          super.onMessage(message);
        }
      };
    }
  }

  @Test
  void noRequestToTheAgentContainsAnEpisodeSeedOrItsHiddenGoal() {
    BenchmarkSpec spec = new BenchmarkSpec(List.of(
        new TaskSpec("goal#0", GoalEnvironment.ID, "reach the goal", 0x5DEECE66DL * 7919),
        new TaskSpec("goal#1", GoalEnvironment.ID, "", -987654321987L)), 3, 0, List.of("top"), 8);
    Capture capture = new Capture();
    String name = InProcessServerBuilder.generateName();
    RolloutResult result;
    try (AgentServer server = AgentServer.start(new RolloutEngineTest.RecordingAgent(),
        InProcessServerBuilder.forName(name).directExecutor().intercept(capture));
        GrpcAgentClient client = GrpcAgentClient.over(InProcessChannelBuilder.forName(name).directExecutor().build())) {
      result = new RolloutEngine(GoalEnvironment.registry(), RolloutEngineTest.FIXED)
          .run(spec, client, RolloutOptions.DEFAULT.withBatchSize(2), RolloutListener.NONE);
    }

    assertThat(result.completed()).isTrue();
    assertThat(capture.received).hasSizeGreaterThan(spec.totalEpisodes());
    assertThat(capture.received).filteredOn(m -> m instanceof ResetRequest).hasSize(spec.totalEpisodes());
    List<byte[]> wire = capture.received.stream().map(Message::toByteArray).toList();
    List<String> printed = new ArrayList<>();
    for (Message m : capture.received) {
      printed.add(TextFormat.printer().printToString(m));
    }
    for (EpisodeSummary e : result.episodes()) {
      long seed = e.seed();
      double goal = GoalEnvironment.goalOf(seed);
      List<byte[]> secrets = List.of(
          bytes(8, ByteOrder.LITTLE_ENDIAN).putLong(0, seed).array(),
          bytes(8, ByteOrder.BIG_ENDIAN).putLong(0, seed).array(),
          bytes(8, ByteOrder.LITTLE_ENDIAN).putDouble(0, goal).array(),
          bytes(8, ByteOrder.BIG_ENDIAN).putDouble(0, goal).array(),
          bytes(4, ByteOrder.LITTLE_ENDIAN).putFloat(0, (float) goal).array());
      List<String> secretTexts = List.of(Long.toString(seed), Long.toUnsignedString(seed), Long.toHexString(seed),
          Double.toString(goal), digits(seed));
      for (byte[] message : wire) {
        for (byte[] secret : secrets) {
          assertThat(indexOf(message, secret)).as("secret bytes %s of episode %d on the wire",
              HexFormat.of().formatHex(secret), e.episodeIndex()).isEqualTo(-1);
        }
        String asText = new String(message, StandardCharsets.ISO_8859_1);
        for (String secret : secretTexts) {
          assertThat(asText).doesNotContain(secret);
        }
      }
      for (String p : printed) {
        for (String secret : secretTexts) {
          assertThat(p).doesNotContain(secret);
        }
      }
    }
  }

  @Test
  void resetCarriesNoSeedField() {
    assertThat(ResetRequest.getDescriptor().getFields()).noneMatch(f -> f.getName().toLowerCase().contains("seed"));
  }

  /** The seed's first twelve decimal digits (or all of them when shorter). */
  private static String digits(long seed) {
    String d = Long.toUnsignedString(seed);
    return d.substring(0, Math.min(12, d.length()));
  }

  private static ByteBuffer bytes(int n, ByteOrder order) {
    return ByteBuffer.allocate(n).order(order);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
