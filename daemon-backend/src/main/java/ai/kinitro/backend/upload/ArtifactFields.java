package ai.kinitro.backend.upload;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The archive fields and JSON body checks shared by upload requests and renewals. */
final class ArtifactFields {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ArtifactFields() {}

  /** Checks the archive's SHA-256 (64 lower-case hex digits) and size (positive). */
  static void check(String artifactSha256, long artifactSizeBytes) {
    if (artifactSha256 == null || !SHA256.matcher(artifactSha256).matches()) {
      throw invalid("artifact_sha256 must be 64 lower-case hex digits (the SHA-256 of the archive)");
    }
    if (artifactSizeBytes <= 0) {
      throw invalid("artifact_size_bytes must be positive");
    }
  }

  /** The body as a JSON object; {@code shape} says what it must look like when it is not one. */
  static JsonNode object(byte[] body, String shape) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw invalid("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("the body must be " + shape);
    }
    return root;
  }

  static String text(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isString()) {
      throw invalid(field + " is required (a string)");
    }
    return node.asString();
  }

  static long size(JsonNode root) {
    JsonNode size = root.path("artifact_size_bytes");
    if (!size.isIntegralNumber() || !size.canConvertToLong()) {
      throw invalid("artifact_size_bytes is required (an integer)");
    }
    return size.asLong();
  }

  static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
