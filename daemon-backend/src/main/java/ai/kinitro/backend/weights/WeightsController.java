package ai.kinitro.backend.weights;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /weights}: the newest snapshot (lite validators copy it to the chain). */
@RestController
@Tag(name = "weights")
class WeightsController {
  private final WeightsService weights;

  WeightsController(WeightsService weights) {
    this.weights = weights;
  }

  record WeightsView(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long snapshotId,
      int netuid,
      Instant computedAt,
      Instant expiresAt,
      double totalWeight,
      List<WeightEntryRow> entries,
      Map<String, Double> weights) {}

  @GetMapping("/weights")
  @Operation(summary = "The newest weights snapshot; 404 NO_WEIGHTS_YET before the first one. Do not apply it after expires_at.")
  WeightsView latest() {
    WeightSnapshot s = weights.latest().orElseThrow(() -> new KinitroException(ErrorCode.NO_WEIGHTS_YET,
        "No weights have been computed yet; the first score cycle runs shortly after the backend starts"));
    List<WeightEntryRow> entries = WeightsService.entriesOf(s);
    Map<String, Double> byUid = new LinkedHashMap<>();
    entries.forEach(e -> byUid.put(Integer.toString(e.uid()), e.weight()));
    return new WeightsView(s.id(), s.netuid(), s.computedAt(), s.expiresAt(), s.totalWeight(), entries, byUid);
  }
}
