package ai.kinitro.backend.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.metagraph.DatabaseMetagraphSource;
import ai.kinitro.backend.metagraph.Neuron;
import ai.kinitro.backend.scoring.ScoreCycle;
import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.time.Duration;
import ai.kinitro.backend.support.EventRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class WeightsApiTest extends BackendIntegrationTest {
  @Autowired ScoreCycle cycle;
  @Autowired DatabaseMetagraphSource metagraph;
  @Autowired JdbcClient jdbc;
  @Autowired WeightsService weights;
  @Autowired EventRecorder events;

  @Test
  void weightsAre404BeforeTheFirstSnapshotAndServedAfterIt() {
    jdbc.sql("DELETE FROM weight_snapshots").update();
    fixtures.deactivateAllCompetitions();
    metagraph.replace(List.of(new Neuron(4, "5OwnerOnly", false)));

    Response before = api().get("/weights");
    assertThat(List.of(before.status(), before.json().get("code").asInt(), before.json().get("error").asString()))
        .containsExactly(404, 1509, "NO_WEIGHTS_YET");

    cycle.pollOnce();

    Response after = api().get("/weights");
    assertThat(after.status()).as(after.raw()).isEqualTo(200);
    assertThat(after.json().get("weights").get("4").asDouble()).isEqualTo(1.0);
    assertThat(after.json().get("entries").get(0).get("hotkey").asString()).isEqualTo("5OwnerOnly");
    assertThat(after.json().get("snapshot_id").isString()).isTrue();
    assertThat(after.json().get("expires_at").asString()).isGreaterThan(after.json().get("computed_at").asString());
  }

  @Test
  void weightsChangedIsPublishedOnlyWhenTheWeightsDiffer() {
    jdbc.sql("DELETE FROM weight_snapshots").update();
    events.clear();
    weights.record(26, List.of(new WeightEntryRow(4, "5OwnerA", 1.0)), Duration.ofMinutes(5));
    weights.record(26, List.of(new WeightEntryRow(4, "5OwnerA", 1.0)), Duration.ofMinutes(5));
    weights.record(26, List.of(new WeightEntryRow(7, "5MinerX", 0.5), new WeightEntryRow(4, "5OwnerA", 0.5)), Duration.ofMinutes(5));

    List<WeightsChanged> changes = events.of(WeightsChanged.class);
    assertThat(changes).hasSize(2);
    assertThat(WeightsService.entriesOf(changes.getLast().snapshot()))
        .containsExactly(new WeightEntryRow(4, "5OwnerA", 0.5), new WeightEntryRow(7, "5MinerX", 0.5));
  }
}
