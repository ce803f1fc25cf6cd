package ai.kinitro.backend.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives task seeds: the first 8 bytes of HMAC-SHA256(secret, {@code
 * "kinitro-task-seed/v1|<job id>|<task index>"}), as a non-negative long. Deterministic for a
 * job (every validator gets the same tasks, a restart changes nothing), unpredictable without the
 * secret.
 */
public final class TaskSeeds {
  private final byte[] secret;

  public TaskSeeds(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 16) {
      throw new IllegalArgumentException("the task seed secret must have at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  public long seed(long jobId, int taskIndex) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(("kinitro-task-seed/v1|" + jobId + "|" + taskIndex).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "TaskSeeds[secret=***]";
  }
}
