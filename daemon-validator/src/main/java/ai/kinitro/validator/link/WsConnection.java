package ai.kinitro.validator.link;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket connection as a blocking, frame-at-a-time object: {@link #receive} hands out whole
 * text messages and only then asks the socket for more (so a fast backend cannot flood memory);
 * {@link #send} serialises senders, since java.net.http allows one outstanding send.
 */
final class WsConnection implements AutoCloseable {
  private static final String CLOSED = new String("<closed>");

  private final LinkedBlockingQueue<String> inbound = new LinkedBlockingQueue<>();
  private final ReentrantLock sendLock = new ReentrantLock();
  private final Duration sendTimeout;
  private volatile WebSocket socket;
  private volatile String closeReason = "not connected";
  private volatile boolean closed;

  private WsConnection(Duration sendTimeout) {
    this.sendTimeout = sendTimeout;
  }

  static WsConnection open(HttpClient client, URI uri, Duration timeout) throws InterruptedException {
    WsConnection connection = new WsConnection(timeout);
    try {
      connection.socket = client.newWebSocketBuilder()
          .connectTimeout(timeout)
          .buildAsync(uri, connection.new Listener())
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return connection;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE, "cannot connect to " + uri + ": " + cause, cause);
    } catch (TimeoutException e) {
      throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE, "cannot connect to " + uri + " within " + timeout, e);
    }
  }

  /**
   * The next text message, or empty if none arrives within {@code timeout}.
   *
   * @throws KinitroException BACKEND_UNREACHABLE once the connection is closed
   */
  Optional<String> receive(Duration timeout) throws InterruptedException {
    String frame = inbound.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      return Optional.empty();
    }
    if (frame == CLOSED) {
      inbound.offer(CLOSED);
      throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE, "the backend connection closed: " + closeReason);
    }
    socket.request(1);
    return Optional.of(frame);
  }

  /** Sends one text message and waits until it is written. */
  void send(String text) throws InterruptedException {
    if (closed) {
      throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE, "the backend connection is closed: " + closeReason);
    }
    sendLock.lockInterruptibly();
    try {
      socket.sendText(text, true).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      markClosed("send failed: " + e.getCause());
      throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE, "sending to the backend failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      markClosed("send timed out");
      socket.abort();
      throw new KinitroException(ErrorCode.BACKEND_UNREACHABLE, "sending to the backend took longer than " + sendTimeout, e);
    } finally {
      sendLock.unlock();
    }
  }

  boolean isOpen() {
    return !closed;
  }

  private void markClosed(String reason) {
    if (!closed) {
      closed = true;
      closeReason = reason;
      inbound.offer(CLOSED);
    }
  }

  @Override
  public void close() {
    WebSocket s = socket;
    markClosed("closed by the validator");
    if (s != null && !s.isOutputClosed()) {
      try {
        s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        // closing anyway
      }
    }
    if (s != null) {
      s.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        inbound.offer(partial.toString());
        partial.setLength(0);
      } else {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      markClosed("closed by the backend (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      markClosed("connection error: " + error);
    }
  }
}
