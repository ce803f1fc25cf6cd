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

  @Test
  void connectionsLeftInTimeWaitByAStoppedServerDoNotMakeThePortBusy() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
      try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
          java.net.Socket accepted = server.accept()) {
        accepted.close(); // the server side closes first and keeps the connection in TIME_WAIT
        client.getInputStream().read();
      }
    }
    assertThat(PortCheck.inUse(port)).isFalse();
  }
}
