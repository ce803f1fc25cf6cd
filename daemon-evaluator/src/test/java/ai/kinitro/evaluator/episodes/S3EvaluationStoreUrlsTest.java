package ai.kinitro.evaluator.episodes;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.validator.LogArtifact;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/** The URLs the evaluator's store gives frames and log bundles, fetched over HTTP from a real s3proxy. */
class S3EvaluationStoreUrlsTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.start();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  private static EpisodeProperties.Frames frames(String bucket, String publicUrlBase, Duration presignTtl) {
    return new EpisodeProperties.Frames(bucket, s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(), true,
        "obs", true, true, Duration.ofSeconds(10), publicUrlBase, presignTtl);
  }

  @Test
  void withAPresignTtlAFrameAndABundleGetUrlsThatDownloadTheirBytesWithoutCredentials() throws Exception {
    try (S3EvaluationStore store = S3EvaluationStore.create(frames("presigned-frames", null, Duration.ofHours(2)),
        Clock.systemUTC()).orElseThrow()) {
      ObservationRef ref = store.put("1/2/MetaWorld:reach-v3/episode_0000/step 0 ä+€.png", "default", PNG);
      byte[] json = "{\"schema_version\": 1}".getBytes(StandardCharsets.UTF_8);
      LogArtifact bundle = store.put("evaluation-logs/1/2/attempt-1.json", json);

      assertThat(ref.key()).isEqualTo("obs/1/2/MetaWorld:reach-v3/episode_0000/step 0 ä+€.png");
      URI frameUrl = ref.url().orElseThrow();
      assertThat(frameUrl.getRawQuery()).contains("X-Amz-Expires=7200").contains("X-Amz-Signature=");
      assertThat(get(frameUrl)).isEqualTo(PNG);
      assertThat(get(bundle.publicUrl().orElseThrow())).isEqualTo(json);
      URI unsigned = URI.create(frameUrl.getScheme() + "://" + frameUrl.getRawAuthority() + frameUrl.getRawPath());
      assertThat(unsigned.toString()).isEqualTo(s3.endpoint()
          + "/presigned-frames/obs/1/2/MetaWorld%3Areach-v3/episode_0000/step%200%20%C3%A4%2B%E2%82%AC.png");
      assertThat(status(unsigned)).as("the bucket itself is not public: only the signature opens it").isEqualTo(403);
    }
  }

  @Test
  void withAPublicBaseAFrameAndABundleGetTheBaseFollowedByTheirEncodedKey() throws Exception {
    try (S3EvaluationStore store = S3EvaluationStore.create(
        frames("public-frames", "https://frames.example.org/kinitro/", Duration.ofHours(2)), Clock.systemUTC()).orElseThrow()) {
      ObservationRef ref = store.put("1/2/MetaWorld:reach-v3/episode_0000/step 0 ä+€.png", "default", PNG);
      LogArtifact bundle = store.put("evaluation-logs/1/2/attempt-1.json", new byte[] {'{', '}'});

      assertThat(ref).isEqualTo(new ObservationRef("default", "public-frames",
          "obs/1/2/MetaWorld:reach-v3/episode_0000/step 0 ä+€.png", Optional.of(URI.create(
              "https://frames.example.org/kinitro/obs/1/2/MetaWorld%3Areach-v3/episode_0000/step%200%20%C3%A4%2B%E2%82%AC.png"))));
      assertThat(bundle.publicUrl())
          .contains(URI.create("https://frames.example.org/kinitro/evaluation-logs/1/2/attempt-1.json"));
    }
  }

  @Test
  void aPublicBaseInFrontOfAPublicReadBucketServesTheFrameUnderItsEncodedKey() throws Exception {
    String base = s3.endpoint() + "/public-read-frames";
    try (S3EvaluationStore store = S3EvaluationStore.create(frames("public-read-frames", base, null), Clock.systemUTC())
        .orElseThrow();
        S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.of(s3.region())).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
            .build()) {
      ObservationRef ref = store.put("1/2/MetaWorld:reach-v3/episode_0000/step 0 ä+€.png", "default", PNG);
      // s3proxy has no bucket policies: the object is made readable by anyone, as a public bucket's policy would.
      client.putObjectAcl(a -> a.bucket("public-read-frames").key(ref.key()).acl(ObjectCannedACL.PUBLIC_READ));

      assertThat(ref.url().orElseThrow().toString()).isEqualTo(
          base + "/obs/1/2/MetaWorld%3Areach-v3/episode_0000/step%200%20%C3%A4%2B%E2%82%AC.png");
      assertThat(get(ref.url().orElseThrow())).isEqualTo(PNG);
    }
  }

  @Test
  void withNeitherSetTheReferencesCarryNoUrl() {
    try (S3EvaluationStore store = S3EvaluationStore.create(frames("vault-frames", null, null), Clock.systemUTC())
        .orElseThrow()) {
      assertThat(store.put("1/2/t/episode_0000/step_000000_default.png", "default", PNG).url()).isEmpty();
      assertThat(store.put("evaluation-logs/1/2/attempt-1.json", new byte[] {'{', '}'}).publicUrl()).isEmpty();
    }
  }

  private static byte[] get(URI url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("GET " + url.getRawPath() + " answered " + new String(response.body(),
        StandardCharsets.UTF_8)).isEqualTo(200);
    return response.body();
  }

  private static int status(URI url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
