package ai.kinitro.backend.chain;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Task seeds derived from a backend secret: {@code HMAC-SHA256(secret, "kinitro-task-seed/v1\n"
 * + jobId + "\n" + taskIndex)}, first 8 bytes big-endian with the top bit cleared. Miners cannot
 * predict them without the secret; every validator of a job gets the same ones because they are
 * stored in the job. They are never published during the hold-out and never sent to agents.
 */
public final class TaskSeeds {
  private static final String DOMAIN = "kinitro-task-seed/v1";
  private final SecretKeySpec key;

  public TaskSeeds(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the task seed secret must have at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The seed of task {@code taskIndex} of job {@code jobId}. */
  public long seed(long jobId, int taskIndex) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((DOMAIN + "\n" + jobId + "\n" + taskIndex).getBytes(UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "TaskSeeds[secret=<redacted>]";
  }
}
