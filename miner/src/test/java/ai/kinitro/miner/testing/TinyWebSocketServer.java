package ai.kinitro.miner.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A minimal RFC 6455 server over a real socket, standing in for the backend's {@code /ws/client}:
 * the handshake, masked client text frames in, text frames out. {@code onText} gets each client
 * frame and the connection to answer on. One thread per connection; enough for tests.
 */
public final class TinyWebSocketServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final java.util.function.Function<String, String> rest;

  /** An open connection. */
  public final class Connection {
    private final Socket socket;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    public synchronized void send(String text) {
      try {
        byte[] payload = text.getBytes(UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
          out.write(payload.length);
        } else if (payload.length < 65536) {
          out.write(126);
          out.write(payload.length >>> 8);
          out.write(payload.length & 0xff);
        } else {
          out.write(127);
          for (int i = 7; i >= 0; i--) {
            out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
          }
        }
        out.write(payload);
        out.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    public void close() {
      try {
        synchronized (this) {
          out.write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xe8});
          out.flush();
        }
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  public TinyWebSocketServer(BiConsumer<Connection, String> onText, java.util.function.Consumer<Connection> onOpen)
      throws IOException {
    this(onText, onOpen, pathAndQuery -> null);
  }

  /**
   * Also answers plain HTTP requests (no upgrade) on the same port: {@code rest} maps the request's
   * path and query to a JSON body, or to {@code null} for a 404. One request per connection.
   */
  public TinyWebSocketServer(BiConsumer<Connection, String> onText, java.util.function.Consumer<Connection> onOpen,
      java.util.function.Function<String, String> rest) throws IOException {
    this.rest = rest;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread.ofVirtual().start(() -> serve(s, onText, onOpen));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  public URI httpUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Text frames the clients sent, in order. */
  public List<String> received() {
    return received;
  }

  /** Request paths (with queries) of the handshakes and plain HTTP requests, in order. */
  public List<String> paths() {
    return paths;
  }

  private void serve(Socket s, BiConsumer<Connection, String> onText, java.util.function.Consumer<Connection> onOpen) {
    try (s) {
      InputStream in = s.getInputStream();
      String key = null;
      String requestLine = readLine(in);
      paths.add(requestLine.split(" ")[1]);
      for (String line; !(line = readLine(in)).isEmpty(); ) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
          key = line.substring(line.indexOf(':') + 1).strip();
        }
      }
      if (key == null) {
        String body = rest.apply(requestLine.split(" ")[1]);
        byte[] bytes = (body == null ? "{\"status\":404}" : body).getBytes(UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 " + (body == null ? "404 Not Found" : "200 OK") + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
        out.write(bytes);
        out.flush();
        return;
      }
      String accept = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(UTF_8)));
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(UTF_8));
      out.flush();
      Connection c = new Connection(s);
      connections.add(c);
      onOpen.accept(c);
      DataInputStream data = new DataInputStream(in);
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      while (true) {
        int b0 = data.readUnsignedByte();
        int b1 = data.readUnsignedByte();
        int opcode = b0 & 0x0f;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = data.readUnsignedShort();
        } else if (len == 127) {
          len = data.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
          data.readFully(mask);
        }
        byte[] payload = new byte[(int) len];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        if (opcode == 0x8) {
          c.close();
          return;
        }
        if (opcode == 0x9) {
          continue;
        }
        message.write(payload);
        if ((b0 & 0x80) != 0 && (opcode == 0x1 || opcode == 0x0)) {
          String text = message.toString(UTF_8);
          message.reset();
          received.add(text);
          onText.accept(c, text);
        }
      }
    } catch (Exception e) {
      // connection ended
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    connections.forEach(Connection::close);
    server.close();
  }
}
