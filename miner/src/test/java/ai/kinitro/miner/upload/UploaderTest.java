package ai.kinitro.miner.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.signing.RequestSigner;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.backend.UploadTicket;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.pack.SubmissionPackager;
import ai.kinitro.miner.testing.FakeBackend;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.miner.wallet.MinerHotkey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upload over real sockets against a stand-in of the backend's upload edge and store. */
class UploaderTest {
  @TempDir Path tmp;
  private FakeBackend backend;
  private final MinerHotkey dave = Hotkeys.load(new HotkeySpec.DevUri("//Dave"), PasswordSource.none());
  private PackagedSubmission archive;

  @BeforeEach
  void setUp() throws IOException {
    backend = new FakeBackend();
    backend.register(dave.ss58());
    Path agent = Files.createDirectories(tmp.resolve("agent"));
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\":\"command\",\"command\":[\"/usr/bin/python3\",\"a.py\"]}");
    byte[] noise = new byte[200_000];
    new java.util.Random(1).nextBytes(noise);
    Files.write(agent.resolve("weights.bin"), noise);
    archive = new SubmissionPackager(10_000_000).pack(agent, tmp.resolve("submission.tar.gz"));
  }

  @AfterEach
  void tearDown() {
    backend.close();
  }

  private Uploader uploader(URI url, UploadPolicy policy) {
    return new Uploader(BackendClient.create(url), BackendClient.defaultHttpClient(), Clock.systemUTC(), policy);
  }

  private Uploader uploader() {
    return uploader(backend.url(), new UploadPolicy(3, Duration.ofMillis(50), 2, Duration.ofSeconds(1)));
  }

  private UploadResult upload(Uploader uploader, MinerHotkey key, UploadListener listener) {
    return uploader.upload(archive, FakeBackend.COMPETITION, Optional.of("v1"), new RequestSigner(key.signer()), listener);
  }

  @Test
  void aSignedRequestAndOnePutStoreTheArchiveWithProgress() throws IOException {
    List<Long> progress = new ArrayList<>();
    List<String> granted = new ArrayList<>();

    UploadResult r = upload(uploader(), dave, new UploadListener() {
      @Override
      public void granted(UploadTicket ticket, String version) {
        granted.add(version + " " + ticket.submissionId());
      }

      @Override
      public void progress(long sent, long total) {
        progress.add(sent);
      }
    });

    FakeBackend.Grant grant = backend.uploads().getFirst();
    assertThat(r).isEqualTo(new UploadResult(Long.toString(grant.id()), FakeBackend.COMPETITION, "v1",
        "k1:" + FakeBackend.COMPETITION + ":" + grant.id(), archive.sha256(), archive.sizeBytes(), 1, 0));
    assertThat(grant.hotkey()).isEqualTo(dave.ss58());
    assertThat(backend.stored().get(grant.key())).isEqualTo(Files.readAllBytes(archive.archive()));
    assertThat(granted).containsExactly("v1 " + grant.id());
    assertThat(progress.getFirst()).isZero();
    assertThat(progress.getLast()).isEqualTo(archive.sizeBytes());
    assertThat(progress).isSorted();
  }

  /** Records what the uploader tells its listener about new URLs. */
  private static final class NewUrls implements UploadListener {
    final List<String> said = new ArrayList<>();
    private final Runnable onGranted;

    NewUrls(Runnable onGranted) {
      this.onGranted = onGranted;
    }

    @Override
    public void granted(UploadTicket ticket, String version) {
      onGranted.run();
    }

    @Override
    public void renewing(String reason, String version) {
      said.add("renewing " + version + ": " + reason);
    }

    @Override
    public void requestingNewUpload(String reason, String newVersion) {
      said.add("new upload " + newVersion + ": " + reason);
    }
  }

  @Test
  void aUrlThatExpiresDuringASlowUploadIsRenewedForTheSameUploadAndVersion() {
    backend.urlTtl = Duration.ofMillis(1_500);
    backend.putReadDelay = Duration.ofMillis(2_000);
    // The renewed URL lives long enough.
    NewUrls listener = new NewUrls(() -> backend.urlTtl = Duration.ofMinutes(10));

    UploadResult r = upload(uploader(), dave, listener);

    FakeBackend.Grant grant = backend.uploads().getFirst();
    assertThat(r).isEqualTo(new UploadResult(Long.toString(grant.id()), FakeBackend.COMPETITION, "v1",
        "k1:" + FakeBackend.COMPETITION + ":" + grant.id(), archive.sha256(), archive.sizeBytes(), 2, 1));
    assertThat(listener.said).containsExactly(
        "renewing v1: the upload URL expired during the upload (HTTP 403 AccessDenied: Request has expired)");
    assertThat(backend.uploadRequests()).as("no second upload request, so no upload-rate slot").isEqualTo(1);
    assertThat(backend.renewalRequests()).isEqualTo(1);
    assertThat(backend.uploads()).extracting(FakeBackend.Grant::version).containsExactly("v1");
    assertThat(backend.stored()).containsOnlyKeys(grant.key());
  }

  @Test
  void whenThePendingUploadItselfExpiredTheUploaderRequestsANewUploadAndSaysSo() {
    backend.urlTtl = Duration.ofMillis(1_500);
    backend.putReadDelay = Duration.ofMillis(2_000);
    backend.pendingExpired = true;
    NewUrls listener = new NewUrls(() -> backend.urlTtl = Duration.ofMinutes(10));

    UploadResult r = upload(uploader(), dave, listener);

    assertThat(r.version()).isEqualTo("v1-r2");
    assertThat(r.renewals()).isEqualTo(1);
    assertThat(r.submissionId()).isEqualTo(Long.toString(backend.uploads().getLast().id()));
    String expired = "the upload URL expired during the upload (HTTP 403 AccessDenied: Request has expired)";
    assertThat(listener.said).containsExactly("renewing v1: " + expired,
        "new upload v1-r2: " + expired + "; the backend refused the renewal: HTTP 410 UPLOAD_EXPIRED (1556): upload "
            + backend.uploads().getFirst().id() + " expired without a commitment on chain; request a new upload with "
            + "POST /submissions/request-upload");
    assertThat(backend.uploads()).extracting(FakeBackend.Grant::version).containsExactly("v1", "v1-r2");
    assertThat(backend.stored()).containsOnlyKeys(backend.uploads().getLast().key());
  }

  @Test
  void aBackendWithoutRenewalsGetsANewUploadRequestAsBefore() {
    backend.urlTtl = Duration.ofMillis(1_500);
    backend.putReadDelay = Duration.ofMillis(2_000);
    backend.renewalUnsupported = true;
    NewUrls listener = new NewUrls(() -> backend.urlTtl = Duration.ofMinutes(10));

    UploadResult r = upload(uploader(), dave, listener);

    long first = backend.uploads().getFirst().id();
    assertThat(r.version()).isEqualTo("v1-r2");
    assertThat(listener.said.getLast()).isEqualTo("new upload v1-r2: the upload URL expired during the upload "
        + "(HTTP 403 AccessDenied: Request has expired); the backend at " + backend.url() + " cannot renew upload URLs "
        + "(HTTP 404 for /submissions/uploads/" + first + "/renew; an older version)");
    assertThat(backend.uploads()).extracting(FakeBackend.Grant::version).containsExactly("v1", "v1-r2");
  }

  @Test
  void aServerErrorFromTheStoreIsRetriedOnTheSameUrl() {
    backend.failPuts.set(2);
    List<Integer> attempts = new ArrayList<>();

    UploadResult r = upload(uploader(), dave, new UploadListener() {
      @Override
      public void retrying(String reason, int attempt, Duration wait) {
        attempts.add(attempt);
      }
    });

    assertThat(r.putAttempts()).isEqualTo(3);
    assertThat(attempts).containsExactly(2, 3);
    assertThat(backend.uploads()).hasSize(1);
    assertThat(backend.puts()).isEqualTo(3);
  }

  @Test
  void anUnreachableBackendIsNamedWithItsUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(() -> upload(uploader(closed, UploadPolicy.DEFAULT), dave, UploadListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_BACKEND_UNREACHABLE);
          assertThat(e.getMessage()).startsWith("cannot reach the backend at " + closed).contains("./kinitro up");
        });
  }

  @Test
  void anUnregisteredHotkeyIsRefusedWithTheChainsCode() {
    MinerHotkey stranger = Hotkeys.load(new HotkeySpec.DevUri("//Ferdie//stranger"), PasswordSource.none());

    assertThatThrownBy(() -> upload(uploader(), stranger, UploadListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED);
          assertThat(e.getMessage()).contains("HTTP 403 HOTKEY_NOT_REGISTERED (1550)").contains("btcli subnet register");
        });
    assertThat(backend.uploads()).isEmpty();
  }

  @Test
  void anArchiveOverTheCompetitionsLimitIsRefusedBeforeAnythingIsSigned() {
    backend.maxSizeBytes = archive.sizeBytes() - 1;

    assertThatThrownBy(() -> upload(uploader(), dave, UploadListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_TOO_LARGE);
          assertThat(e.getMessage()).isEqualTo("the archive has " + archive.sizeBytes() + " bytes; competition "
              + FakeBackend.COMPETITION + " accepts at most " + (archive.sizeBytes() - 1)
              + ". Leave large files out with .kinitroignore or shrink the model");
        });
    assertThat(backend.uploadRequests()).isZero();
  }

  @Test
  void theUploadRateWindowIsReportedAsSuch() {
    backend.perWindow = 1;
    upload(uploader(), dave, UploadListener.NONE);

    assertThatThrownBy(() -> uploader().upload(archive, FakeBackend.COMPETITION, Optional.of("v2"),
        new RequestSigner(dave.signer()), UploadListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_UPLOAD_RATE_LIMITED);
          assertThat(e.getMessage()).contains("HTTP 429 UPLOAD_RATE_LIMITED (4310)").contains("wait for the window");
        });
  }

  @Test
  void aVersionAlreadyUsedAsksForAnotherOne() {
    upload(uploader(), dave, UploadListener.NONE);

    assertThatThrownBy(() -> upload(uploader(), dave, UploadListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_UPLOAD_REFUSED);
          assertThat(e.getMessage()).endsWith("Pass another --version than 'v1'");
        });
  }

  @Test
  void anArchiveChangedAfterPackagingIsRefusedByTheStoreAndNotRetried() throws IOException {
    Files.write(archive.archive(), new byte[(int) archive.sizeBytes()]);

    assertThatThrownBy(() -> upload(uploader(), dave, UploadListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_UPLOAD_FAILED);
          assertThat(e.getMessage()).contains("BadDigest").contains("run package and upload again");
        });
    assertThat(backend.puts()).isEqualTo(1);
  }

  @Test
  void renewedVersionsStayWithin32Characters() {
    assertThat(Uploader.renewedVersion("v1", 2)).isEqualTo("v1-r2");
    assertThat(Uploader.renewedVersion("v1-r2", 3)).isEqualTo("v1-r3");
    assertThat(Uploader.renewedVersion("x".repeat(32), 2)).isEqualTo("x".repeat(29) + "-r2");
  }
}
