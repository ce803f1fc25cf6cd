package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainMonitor;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.vault.ReleaseService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** After the hold-out the archive gets a public presigned GET, renewed before it expires. */
class HoldoutReleaseTest extends EdgeIntegrationTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired ChainMonitor monitor;
  @Autowired ReleaseService release;

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  @Test
  void theArchiveIsReleasedAfterTheHoldoutAndItsUrlRenewedBeforeExpiry() throws Exception {
    Miner miner = new Miner("//Dave//release", port);
    CHAIN.register(miner.hotkey(), false);
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    byte[] archive = "released archive".getBytes(UTF_8);
    Miner.Response granted = miner.request(Miner.body(competition, "rel", archive));
    assertThat(Miner.put(granted.body(), archive, Map.of()).statusCode()).isEqualTo(200);
    long id = Long.parseLong(granted.body().path("submission_id").asString());
    CHAIN.commit(miner.hotkey(), granted.body().path("commitment").asString());
    monitor.pollOnce();

    release.pollOnce();
    String during = jdbc.queryForObject("SELECT release_url FROM submissions WHERE id = ?", String.class, id);
    CLOCK.advance(Duration.ofSeconds(301));
    release.pollOnce();
    String released = jdbc.queryForObject("SELECT release_url FROM submissions WHERE id = ?", String.class, id);
    HttpResponse<byte[]> download = Miner.HTTP.send(HttpRequest.newBuilder(URI.create(released)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    Thread.sleep(1_100); // a new signing second, so the renewed URL differs
    CLOCK.advance(Duration.ofDays(6).plusHours(1));
    release.pollOnce();
    String renewed = jdbc.queryForObject("SELECT release_url FROM submissions WHERE id = ?", String.class, id);
    JsonNode revealed = Miner.JSON.readTree(Miner.HTTP.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + port + "/submissions/revealed?miner_hotkey=" + miner.hotkey())).build(),
        HttpResponse.BodyHandlers.ofString()).body());

    assertThat(during).as("nothing is public during the hold-out").isNull();
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(archive);
    assertThat(renewed).isNotEqualTo(released);
    assertThat(revealed.toString()).contains(Long.toString(id));
  }
}
