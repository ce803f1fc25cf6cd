package ai.kinitro.backend.result;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import ai.kinitro.backend.persistence.Jsonb;
import ai.kinitro.backend.vault.VaultConfig;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** When the vault cannot sign the download of a bundle in its own bucket, the route fails as a bad gateway (502). */
class ResultLogsServiceTest {
  @Test
  void aVaultThatCannotSignTheDownloadIsAVaultUnavailableFailure() {
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    Result result = new Result(7, 1, 2, 3, 4, "miner", "validator", "cartpole", AssignmentStatus.FAILED, FailureClass.AGENT, null,
        null, null, null, Jsonb.EMPTY_ARRAY, 1421, "AGENT_CRASHED", "exited",
        new Jsonb("{\"logs\":{\"truncated\":false,\"artifact\":{\"bucket\":\"vault\",\"object_key\":\"k\",\"uploaded_at\":\"" + t + "\"}}}"),
        UUID.randomUUID(), t, t, t, t, t, t);
    ResultRepository results = mock(ResultRepository.class);
    when(results.findById(7L)).thenReturn(Optional.of(result));
    VaultService vault = mock(VaultService.class);
    when(vault.config()).thenReturn(new VaultConfig(URI.create("http://127.0.0.1:1"), "us-east-1", "vault", "access", "secret",
        true, false, null, null, null, null, null, null));
    when(vault.presignDownload(any(), any())).thenThrow(new KinitroException(ErrorCode.VAULT_UNAVAILABLE, "signing failed"));
    ResultLogsService service = new ResultLogsService(results, mock(JdbcTemplate.class), vault, new ResultLogsProperties(null, null));

    assertThatThrownBy(() -> service.ofResult(7))
        .isInstanceOfSatisfying(KinitroException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
            .isEqualTo(ErrorCode.VAULT_UNAVAILABLE))
        .hasMessage("Could not sign a download URL for the log artifact of result 7: signing failed");
    org.assertj.core.api.Assertions.assertThat(ai.kinitro.backend.web.HttpStatusMapping.statusOf(ErrorCode.VAULT_UNAVAILABLE).value())
        .isEqualTo(502);
  }
}
