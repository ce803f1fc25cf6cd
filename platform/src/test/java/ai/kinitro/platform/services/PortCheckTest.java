package ai.kinitro.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {
  @Test
  void aListeningPortIsInUseAndIsFreeAgainOnceClosed() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
      assertThat(PortCheck.inUse(port)).isTrue();
    }
    assertThat(PortCheck.inUse(port)).isFalse();
  }
}
