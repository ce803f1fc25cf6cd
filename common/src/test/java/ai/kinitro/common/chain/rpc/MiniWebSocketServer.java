package ai.kinitro.common.chain.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A minimal RFC 6455 WebSocket server for tests (the JDK has a client but no server): the HTTP
 * upgrade handshake, masked client text frames (with continuation), ping/pong and close, and
 * unmasked server text frames. One thread per connection; {@link #dropAll()} cuts every
 * connection without a close frame, as a crashing node would.
 */
public final class MiniWebSocketServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final BiConsumer<Connection, String> onText;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public MiniWebSocketServer(BiConsumer<Connection, String> onText) throws IOException {
    this(0, onText);
  }

  public MiniWebSocketServer(int port, BiConsumer<Connection, String> onText) throws IOException {
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    this.onText = onText;
    Thread acceptor = new Thread(this::acceptLoop, "mini-ws-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far (closed ones included). */
  public List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** Cuts every open connection abruptly (no close frame). */
  public void dropAll() {
    for (Connection connection : connections) {
      connection.drop();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    dropAll();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        Connection connection = new Connection(socket);
        connections.add(connection);
        Thread reader = new Thread(connection::run, "mini-ws-conn");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** One client connection. */
  public final class Connection {
    private final Socket socket;
    private final Object writeLock = new Object();
    private volatile boolean open = true;
    private volatile boolean muted;

    Connection(Socket socket) {
      this.socket = socket;
    }

    public boolean isOpen() {
      return open;
    }

    /** Sends one text frame. */
    public void sendText(String text) {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      try {
        writeFrame(0x1, payload);
      } catch (IOException e) {
        open = false;
      }
    }

    /** Keeps the TCP connection open but ignores everything from now on (a hung node). */
    public void mute() {
      muted = true;
    }

    /** Closes the TCP connection without a close frame. */
    public void drop() {
      open = false;
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }

    private void run() {
      try (socket) {
        InputStream in = socket.getInputStream();
        handshake(in, socket.getOutputStream());
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (open) {
          int b0 = in.read();
          int b1 = in.read();
          if (b0 < 0 || b1 < 0) {
            break;
          }
          boolean fin = (b0 & 0x80) != 0;
          int opcode = b0 & 0x0F;
          long length = b1 & 0x7F;
          if (length == 126) {
            length = (in.read() << 8) | in.read();
          } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
              length = (length << 8) | in.read();
            }
          }
          byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
          byte[] payload = in.readNBytes((int) length);
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
          if (muted) {
            continue;
          }
          switch (opcode) {
            case 0x0, 0x1 -> {
              message.write(payload);
              if (fin) {
                String text = message.toString(StandardCharsets.UTF_8);
                message.reset();
                onText.accept(this, text);
              }
            }
            case 0x8 -> {
              writeFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
              open = false;
            }
            case 0x9 -> writeFrame(0xA, payload);
            default -> { }
          }
        }
      } catch (IOException e) {
        // connection ended
      } finally {
        open = false;
      }
    }

    private void handshake(InputStream in, OutputStream out) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("client closed during the handshake");
        }
        head.write(b);
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String key = null;
      for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
          key = line.substring(colon + 1).trim();
        }
      }
      if (key == null) {
        throw new IOException("no Sec-WebSocket-Key");
      }
      String accept;
      try {
        accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
      synchronized (writeLock) {
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
      ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
      frame.write(0x80 | opcode);
      if (payload.length < 126) {
        frame.write(payload.length);
      } else if (payload.length < 65536) {
        frame.write(126);
        frame.write(payload.length >>> 8);
        frame.write(payload.length & 0xFF);
      } else {
        frame.write(127);
        for (int i = 7; i >= 0; i--) {
          frame.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
        }
      }
      frame.write(payload);
      synchronized (writeLock) {
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
      }
    }
  }
}
