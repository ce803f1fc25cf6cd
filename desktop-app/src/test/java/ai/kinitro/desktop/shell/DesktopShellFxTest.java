package ai.kinitro.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.connection.BackendProbe;
import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.ProfileStore.Settings;
import ai.kinitro.desktop.error.ErrorDialogs;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window against a real HTTP backend on loopback (JavaFX headless platform). */
@ExtendWith(ApplicationExtension.class)
class DesktopShellFxTest {
  private static final AtomicLong HEALTH_DELAY_MS = new AtomicLong();
  private HttpServer backend;
  private DesktopShell shell;
  private Stage stage;
  private int port;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    HEALTH_DELAY_MS.set(0);
    backend = startBackend(0);
    port = backend.getAddress().getPort();
    Path dir = Files.createTempDirectory("kinitro-desktop-test");
    ProfileStore store = new ProfileStore(dir);
    store.save(Settings.defaults().withProfile(ConnectionProfile.of("Test", "http://127.0.0.1:" + port, null)));
    shell = DesktopShell.create(store, BackendProbe.http(Duration.ofSeconds(10)), InstantSource.system(), Platform::runLater,
        Duration.ofMillis(200), Duration.ofMillis(800));
    stage.setScene(new Scene(shell.window().root(), 900, 600));
    stage.show();
  }

  @AfterEach
  void stop() {
    shell.close();
    if (backend != null) {
      backend.stop(0);
    }
  }

  @Test
  void theStatusBarShowsTheConnectionAndItsLatency(FxRobot robot) throws TimeoutException {
    awaitStatus(robot, "Connected to Test");
    assertThat(statusText(robot)).matches("Connected to Test \\(http://127\\.0\\.0\\.1:\\d+\\) · \\d+ ms");
  }

  @Test
  void whenTheBackendGoesAwayAndComesBackTheAppReconnectsByItself(FxRobot robot) throws Exception {
    awaitStatus(robot, "Connected to Test");
    backend.stop(0);
    awaitStatus(robot, "Disconnected from Test");
    backend = startBackend(port);
    awaitStatus(robot, "Connected to Test");
  }

  @Test
  void theFxThreadStaysResponsiveWhileASlowBackendAnswers(FxRobot robot) throws Exception {
    awaitStatus(robot, "Connected to Test");
    HEALTH_DELAY_MS.set(10_000);
    Thread.sleep(400); // let a slow health check start
    for (int i = 0; i < 5; i++) {
      CountDownLatch ran = new CountDownLatch(1);
      Platform.runLater(ran::countDown);
      assertThat(ran.await(3, TimeUnit.SECONDS)).as("FX thread answered while the backend took 10 s").isTrue();
      Thread.sleep(200);
    }
  }

  @Test
  void anUncaughtExceptionOpensTheErrorDialogInsteadOfFailingSilently(FxRobot robot) throws Exception {
    Platform.runLater(() -> ErrorDialogs.installUncaughtHandler(stage));
    WaitForAsyncUtils.waitForFxEvents();
    Thread worker = new Thread(() -> {
      throw new IllegalStateException("boom in a background task");
    });
    worker.start();
    worker.join();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    assertThat(robot.lookup(".content").queryAs(Label.class).getText()).contains("boom in a background task");
  }

  private static HttpServer startBackend(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/actuator/health", exchange -> {
      try {
        Thread.sleep(HEALTH_DELAY_MS.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"status\":\"UP\"}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return server;
  }

  private static String statusText(FxRobot robot) {
    return robot.lookup("#connection-status").queryAs(Label.class).getText();
  }

  private static void awaitStatus(FxRobot robot, String prefix) throws TimeoutException {
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> statusText(robot).startsWith(prefix));
  }
}
