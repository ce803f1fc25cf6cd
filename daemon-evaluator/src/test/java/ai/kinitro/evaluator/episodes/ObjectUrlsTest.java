package ai.kinitro.evaluator.episodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class ObjectUrlsTest {
  private static final String FRAME_KEY = "observations/7312848011234567890/7312849021437952001/cartpole_0/episode_0000/step_000000_default.png";

  @Test
  void aPublicBaseAppendsTheKeyAfterOneSlash() {
    ObjectUrls urls = new EpisodeProperties.Frames("frames", null, null, null, null, null, null, null, null, null,
        "https://frames.example.org", null).publicBase().map(ObjectUrls.PublicBase::new).orElseThrow();

    assertThat(urls.of(FRAME_KEY)).contains(URI.create("https://frames.example.org/" + FRAME_KEY));
    assertThat(urls.mode()).isEqualTo("public-url-base");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://cdn.example.org/kinitro/frames", "https://cdn.example.org/kinitro/frames/",
      "https://cdn.example.org/kinitro/frames///", "  https://cdn.example.org/kinitro/frames/ "})
  void trailingSlashesAndSpacesOfTheBaseAreDropped(String base) {
    EpisodeProperties.Frames frames = framesWithBase(base);

    assertThat(frames.publicUrlBase()).isEqualTo("https://cdn.example.org/kinitro/frames");
    assertThat(new ObjectUrls.PublicBase(frames.publicBase().orElseThrow()).of("evaluation-logs/1/2/attempt-1.json"))
        .contains(URI.create("https://cdn.example.org/kinitro/frames/evaluation-logs/1/2/attempt-1.json"));
  }

  @Test
  void eachSegmentOfTheKeyIsPercentEncodedAndTheSlashesBetweenThemStay() {
    ObjectUrls urls = new ObjectUrls.PublicBase(URI.create("http://127.0.0.1:9000/bucket"));

    assertThat(urls.of("obs/1/2/MetaWorld:reach-v3/episode_0000/step 0 ä+€?#%&=.png").orElseThrow().toString())
        .isEqualTo("http://127.0.0.1:9000/bucket/obs/1/2/MetaWorld%3Areach-v3/episode_0000/"
            + "step%200%20%C3%A4%2B%E2%82%AC%3F%23%25%26%3D.png");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a-z_A.Z~0-9 | a-z_A.Z~0-9",
      "a//b        | a//b",
      "a/./b/../c  | a/%2E/b/%2E%2E/c",
      "a/.../b.    | a/.../b.",
      "x@y!z*'(),;$ | x%40y%21z%2A%27%28%29%2C%3B%24"})
  void theKeyIsEncodedSoThatNoClientRewritesIt(String key, String encoded) {
    assertThat(ObjectUrls.encodePath(key)).isEqualTo(encoded);
  }

  @Test
  void theEncodedKeyDecodesToTheKeyAgain() {
    String key = "obs/ünï cödé/日本/%41/+plus/step.png";

    URI url = new ObjectUrls.PublicBase(URI.create("https://frames.example.org")).of(key).orElseThrow();

    assertThat(url.getPath()).isEqualTo("/" + key);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "frames.example.org               | must start with http:// or https://",
      "/frames                          | must start with http:// or https://",
      "ftp://frames.example.org         | must start with http:// or https://",
      "https:frames                     | has no host",
      "https://user:pw@frames.example.org | must not contain user info (name:password@)",
      "https://frames.example.org/?a=b  | must not have a query (?…) or fragment (#…)",
      "https://frames.example.org/x#top | must not have a query (?…) or fragment (#…)",
      "https://frames example.org       | is not a valid URL (Illegal character in authority)"})
  void aBaseThatIsNotAnAbsoluteHttpUrlIsRefusedNamingTheKey(String base, String problem) {
    assertThatThrownBy(() -> framesWithBase(base))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kinitro.evaluator.episodes.frames.public-url-base " + problem + ": give the absolute http(s) URL "
            + "under which the bucket's objects are public, such as https://frames.example.org (object URLs are the "
            + "base, '/', and the key)")
        .message().doesNotContain("pw");
  }

  @Test
  void aBlankBaseMeansNone() {
    assertThat(framesWithBase("  ").publicBase()).isEmpty();
    assertThat(EpisodeProperties.Frames.NONE.publicBase()).isEmpty();
    assertThat(EpisodeProperties.Frames.NONE.presign()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT59S", "P7DT1S", "P8D", "PT0S", "-PT1H"})
  void aPresignTtlOutsideOneMinuteToSevenDaysIsRefused(String ttl) {
    assertThatThrownBy(() -> framesWithTtl(Duration.parse(ttl)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kinitro.evaluator.episodes.frames.presign-ttl must be 1m to 7d (a presigned URL lives at most "
            + "7 days), not " + Duration.parse(ttl));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT1M", "PT6H", "P7D"})
  void aPresignTtlOfOneMinuteToSevenDaysIsAccepted(String ttl) {
    assertThat(framesWithTtl(Duration.parse(ttl)).presign()).contains(Duration.parse(ttl));
  }

  @Test
  void aPresignedUrlIsAGetOfTheKeySignedForTheTtlWithTheStoresCredentials() {
    try (ObjectUrls urls = new ObjectUrls.Presigned(presigner(), "validator-frames", Duration.ofDays(7))) {
      URI url = urls.of("observations/1/2/MetaWorld:reach-v3/step 0.png").orElseThrow();

      assertThat(url.getScheme() + "://" + url.getAuthority() + url.getRawPath())
          .isEqualTo("http://127.0.0.1:9000/validator-frames/observations/1/2/MetaWorld%3Areach-v3/step%200.png");
      Map<String, String> query = query(url);
      assertThat(query.keySet()).containsExactly("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
          "X-Amz-Signature", "X-Amz-SignedHeaders");
      assertThat(query.get("X-Amz-Algorithm")).isEqualTo("AWS4-HMAC-SHA256");
      assertThat(query.get("X-Amz-Expires")).isEqualTo("604800");
      assertThat(query.get("X-Amz-Credential")).startsWith("AKIDEXAMPLE%2F").endsWith("%2Feu-west-1%2Fs3%2Faws4_request");
      assertThat(urls.mode()).isEqualTo("presigned");
    }
  }

  @Test
  void theStoreChoosesThePublicBaseOverPresigningAndNothingWhenNeitherIsSet() {
    EpisodeProperties.Frames both = new EpisodeProperties.Frames("frames", URI.create("http://127.0.0.1:9000"), null,
        "ak", "sk", null, null, null, null, null, "https://frames.example.org/", Duration.ofHours(1));
    EpisodeProperties.Frames presign = new EpisodeProperties.Frames("frames", URI.create("http://127.0.0.1:9000"), null,
        "ak", "sk", null, null, null, null, null, null, Duration.ofHours(1));
    EpisodeProperties.Frames neither = new EpisodeProperties.Frames("frames", URI.create("http://127.0.0.1:9000"), null,
        "ak", "sk", null, null, null, null, null, null, null);

    try (ObjectUrls fromBoth = S3EvaluationStore.urls(both); ObjectUrls fromPresign = S3EvaluationStore.urls(presign);
        ObjectUrls fromNeither = S3EvaluationStore.urls(neither)) {
      assertThat(fromBoth).isEqualTo(new ObjectUrls.PublicBase(URI.create("https://frames.example.org")));
      assertThat(fromPresign).isInstanceOfSatisfying(ObjectUrls.Presigned.class,
          p -> assertThat(p.ttl()).isEqualTo(Duration.ofHours(1)));
      assertThat(fromPresign.of("a/b.png").orElseThrow().toString())
          .startsWith("http://127.0.0.1:9000/frames/a/b.png?").contains("X-Amz-Expires=3600");
      assertThat(fromNeither.of("a/b.png")).isEmpty();
      assertThat(fromNeither.mode()).isEqualTo("none");
    }
  }

  private static EpisodeProperties.Frames framesWithBase(String base) {
    return new EpisodeProperties.Frames("frames", null, null, null, null, null, null, null, null, null, base, null);
  }

  private static EpisodeProperties.Frames framesWithTtl(Duration ttl) {
    return new EpisodeProperties.Frames("frames", null, null, null, null, null, null, null, null, null, null, ttl);
  }

  private static S3Presigner presigner() {
    return S3Presigner.builder().endpointOverride(URI.create("http://127.0.0.1:9000")).region(Region.of("eu-west-1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> query = new TreeMap<>();
    Arrays.stream(url.getRawQuery().split("&")).map(p -> p.split("=", 2)).forEach(p -> query.put(p[0], p[1]));
    return query;
  }
}
