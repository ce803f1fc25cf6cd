package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.realtime.RealtimeListener;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.support.Api;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Episode replays from stored frames: a frame (PNG) is stored in the backend's vault bucket
 * (s3proxy) the way the evaluator stores it, a validator logs steps referencing it over the real
 * {@code /ws/validator} channel, and {@code GET /episodes/{id}/steps} over real HTTP answers with a
 * signed URL that downloads exactly those bytes. A ref with a public URL is passed through; a ref
 * in another bucket stays without a URL. The realtime {@code episode_step} event carries the same
 * signed URL.
 */
class EpisodeFramesTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String VAULT_BUCKET = "kinitro-edge";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired JobService jobs;
  @Autowired SubmissionRepository submissions;
  @Autowired S3Client s3;
  @Autowired RealtimeListener listener;

  @Test
  void aLoggedFrameInTheVaultBucketIsServedWithASignedUrlThatDownloadsItsBytes() throws Exception {
    CLOCK.reset();
    Awaitility.await().atMost(WAIT).until(listener::listening);
    Validators.Enrolled validator = Validators.enrol(CHAIN, jdbc, ids, "Frames");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    String miner = Ss58.encode(SecretUri.parse("//Frames//miner").publicKey());
    byte[] png = png();
    String frameKey = "observations/" + UUID.randomUUID() + "/classic/CartPole-v1:0/episode_0000/step_000000_default.png";
    s3.putObject(b -> b.bucket(VAULT_BUCKET).key(frameKey).contentType("image/png"), RequestBody.fromBytes(png));

    Job job;
    JsonNode liveStep;
    try (WsTestClient watcher = WsTestClient.connect(port, "/ws/client");
        WsTestClient v = Validators.registered(port, validator.key(), validator.apiKey())) {
      watcher.next("welcome", WAIT);
      watcher.send("{\"type\":\"subscribe\",\"request_id\":\"frames\",\"event_types\":[\"episode_step\"],"
          + "\"filters\":{\"validator_hotkey\":\"" + validator.hotkey() + "\"}}");
      watcher.next("subscription_ack", WAIT);
      job = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      JsonNode delivered = v.next(f -> Validators.evalJobOf(f, job.id()), WAIT);
      v.send("{\"type\":\"delivery_ack\",\"acked_message_id\":\"" + delivered.path("message_id").asString() + "\",\"outcome\":\"stored\"}");
      String taskId = delivered.path("benchmark").path("tasks").get(0).path("task_id").asString();
      Instant t = Instant.parse("2026-03-01T12:00:50Z");
      v.send("{\"type\":\"episode_step_data\",\"message_id\":\"" + UUID.randomUUID() + "\",\"job_id\":\"" + job.id()
          + "\",\"task_id\":\"" + taskId + "\",\"episode_index\":0,\"steps\":["
          + "{\"step\":0,\"action\":[1],\"reward\":1.0,\"done\":false,\"truncated\":false,\"observation_refs\":["
          + "{\"camera\":\"default\",\"bucket\":\"" + VAULT_BUCKET + "\",\"key\":\"" + frameKey + "\"},"
          + "{\"camera\":\"side\",\"bucket\":\"validator-own\",\"key\":\"observations/side.png\"}],"
          + "\"info\":{},\"timestamp\":\"" + t + "\"},"
          + "{\"step\":1,\"action\":[0],\"reward\":1.0,\"done\":true,\"truncated\":false,\"observation_refs\":["
          + "{\"camera\":\"default\",\"bucket\":\"public-frames\",\"key\":\"f/1.png\",\"url\":\"https://frames.example/f/1.png\"}],"
          + "\"info\":{},\"timestamp\":\"" + t.plusSeconds(1) + "\"}]}");
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");
      liveStep = watcher.next(f -> f.path("type").asString().equals("event")
          && f.path("payload").path("step").path("step").asInt(-1) == 0, WAIT);
    }
    Api api = new Api(port);
    String episodeId = api.get("/episodes?job_id=" + job.id()).json().path("items").get(0).path("id").asString();
    Instant before = Instant.now();

    Api.Response steps = api.get("/episodes/" + episodeId + "/steps");

    assertThat(steps.status()).as(steps.raw()).isEqualTo(200);
    JsonNode first = steps.json().path("items").get(0).path("observation_refs");
    JsonNode signed = first.get(0);
    assertThat(signed).isEqualTo(Api.JSON.readTree("{\"camera\":\"default\",\"bucket\":\"" + VAULT_BUCKET + "\",\"key\":\"" + frameKey
        + "\",\"url\":\"" + signed.path("url").asString() + "\",\"url_expires_at\":\"" + signed.path("url_expires_at").asString() + "\"}"));
    assertThat(signed.path("url").asString()).startsWith(S3.endpoint().toString().replaceAll("/$", "") + "/" + VAULT_BUCKET + "/observations/");
    assertThat(Instant.parse(signed.path("url_expires_at").asString()))
        .as("kinitro.results.frame-url-ttl defaults to one hour")
        .isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
    assertThat(first.get(1)).isEqualTo(Api.JSON.readTree(
        "{\"camera\":\"side\",\"bucket\":\"validator-own\",\"key\":\"observations/side.png\"}"));
    assertThat(steps.json().path("items").get(1).path("observation_refs")).isEqualTo(Api.JSON.readTree(
        "[{\"camera\":\"default\",\"bucket\":\"public-frames\",\"key\":\"f/1.png\",\"url\":\"https://frames.example/f/1.png\"}]"));

    JsonNode liveRefs = liveStep.path("payload").path("step").path("observation_refs");
    assertThat(liveRefs.get(0).path("url").asString()).as("the live event's frame is signed as well")
        .startsWith(S3.endpoint().toString().replaceAll("/$", "") + "/" + VAULT_BUCKET + "/observations/");
    assertThat(liveRefs.get(1).has("url")).as("another store's frame stays without URL").isFalse();

    HttpResponse<byte[]> frame = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(signed.path("url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.body()).isEqualTo(png);
    assertThat(jdbc.queryForObject("SELECT observation_refs::text FROM episode_steps WHERE episode_id = ? AND step = 0", String.class,
        Long.parseLong(episodeId))).as("the stored refs stay as the validator sent them").doesNotContain("url");
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 0x80);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
