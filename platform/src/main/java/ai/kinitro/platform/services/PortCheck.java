package ai.kinitro.platform.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a TCP port on this machine is already taken. */
public final class PortCheck {
  private PortCheck() {}

  /** True when something accepts connections on the port or it cannot be bound. */
  public static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
      return true;
    } catch (IOException e) {
      // nobody answers on loopback; now check that we could bind it
    }
    try (ServerSocket server = new ServerSocket()) {
      // As servers do: connections of a stopped server linger in TIME_WAIT and must not count.
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
