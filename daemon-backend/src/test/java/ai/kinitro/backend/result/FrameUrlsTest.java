package ai.kinitro.backend.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.kinitro.backend.edge.MutableClock;
import ai.kinitro.backend.vault.VaultConfig;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frame URLs of logged steps, signed by the real S3 presigner (a local computation: the endpoint
 * below is never contacted): only refs in the backend's own bucket that have no URL get one.
 */
class FrameUrlsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final URI ENDPOINT = URI.create("http://127.0.0.1:1");
  private final S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(ENDPOINT)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"))).build();
  private final S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(ENDPOINT)
      .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"))).build();

  private final MutableClock clock = new MutableClock();
  private VaultService vault;

  @AfterEach
  void close() {
    s3.close();
    presigner.close();
  }

  private static VaultConfig config(String accessKey) {
    return new VaultConfig(ENDPOINT, "us-east-1", "kinitro-vault", accessKey, accessKey == null ? null : "secret", true, false,
        null, null, null, null, null, null);
  }

  private FrameUrls frames(String accessKey) {
    vault = spy(new VaultService(config(accessKey), s3, presigner, Clock.systemUTC()));
    return new FrameUrls(vault,
        new ResultLogsProperties(null, Duration.ofMinutes(30)), clock);
  }

  @Test
  void aRefInTheVaultBucketGetsASignedGetAndOtherRefsArePassedThroughAsTheyAre() {
    JsonNode refs = JSON.readTree("""
        [{"camera":"corner","bucket":"kinitro-vault","key":"observations/1/t/episode_0000/step_000000_corner.png"},
         {"camera":"top","bucket":"kinitro-vault","key":"observations/1/top.png","url":"https://cdn.example/top.png"},
         {"camera":"side","bucket":"validator-own","key":"observations/1/side.png"}]""");
    Instant before = Instant.now();

    JsonNode signed = frames("access").withUrls(refs);

    URI url = URI.create(signed.get(0).path("url").asString());
    assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
        .isEqualTo("http://127.0.0.1:1/kinitro-vault/observations/1/t/episode_0000/step_000000_corner.png");
    assertThat(url.getQuery()).contains("X-Amz-Expires=1800", "X-Amz-Signature=");
    assertThat(Instant.parse(signed.get(0).path("url_expires_at").asString()))
        .isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(1), Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(1));
    assertThat(signed.get(0).propertyNames()).containsExactly("camera", "bucket", "key", "url", "url_expires_at");
    assertThat(signed.get(1)).isEqualTo(refs.get(1));
    assertThat(signed.get(2)).isEqualTo(refs.get(2));
    assertThat(refs.get(0).has("url")).as("the stored refs are not changed").isFalse();
  }

  @Test
  void aSignedUrlIsReusedWhileItHasHalfItsLifetimeLeftAndRenewedAfter() {
    FrameUrls frames = frames("access");
    JsonNode refs = JSON.readTree("[{\"camera\":\"corner\",\"bucket\":\"kinitro-vault\",\"key\":\"observations/1/c.png\"}]");
    JsonNode first = frames.withUrls(refs);

    clock.advance(Duration.ofMinutes(14));
    JsonNode reused = frames.withUrls(refs);
    clock.advance(Duration.ofMinutes(2));
    JsonNode renewed = frames.withUrls(refs);

    assertThat(reused).isEqualTo(first);
    assertThat(renewed.get(0).path("url").asString()).startsWith("http://127.0.0.1:1/kinitro-vault/observations/1/c.png?");
    verify(vault, times(2)).presignDownload("observations/1/c.png", Duration.ofMinutes(30));
  }

  @Test
  void withoutAConfiguredVaultRefsStayWithoutUrl() {
    JsonNode refs = JSON.readTree("[{\"camera\":\"corner\",\"bucket\":\"kinitro-vault\",\"key\":\"observations/1/c.png\"}]");

    assertThat(frames(null).withUrls(refs)).isEqualTo(refs);
  }

  @Test
  void aFrameThatCannotBeSignedIsServedWithoutUrlInsteadOfFailingThePage() {
    VaultService failing = mock(VaultService.class);
    when(failing.config()).thenReturn(config("access"));
    when(failing.presignDownload(any(), any())).thenThrow(new KinitroException(ErrorCode.VAULT_UNAVAILABLE, "signing failed"));
    JsonNode refs = JSON.readTree("[{\"camera\":\"corner\",\"bucket\":\"kinitro-vault\",\"key\":\"observations/1/c.png\"}]");

    assertThat(new FrameUrls(failing, new ResultLogsProperties(null, null), clock).withUrls(refs)).isEqualTo(refs);
  }

  @Test
  void malformedOrEmptyRefsAreReturnedAsTheyAre() {
    JsonNode refs = JSON.readTree("[{\"camera\":\"corner\",\"bucket\":\"kinitro-vault\"},\"x\"]");

    assertThat(frames("access").withUrls(refs)).isEqualTo(refs);
    assertThat(frames("access").withUrls(JSON.readTree("[]"))).isEqualTo(JSON.readTree("[]"));
  }
}
