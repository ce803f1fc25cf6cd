package ai.kinitro.devchain.genesis;

import ai.kinitro.common.cli.DurationText;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a genesis file (schema in {@code docs/devchain.md}). Unknown fields are refused so a typo
 * does not silently fall back to a default.
 */
public final class GenesisParser {
  /** The genesis shipped with the dev chain (Alice owner, Bob/Charlie validators, Dave/Eve/Ferdie miners). */
  public static final String DEFAULT_RESOURCE = "/genesis-default.json";

  /** 1 TAO in rao. */
  public static final long RAO_PER_TAO = 1_000_000_000L;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TOP_LEVEL = Set.of("chainName", "netuid", "blockTime", "owner", "params", "neurons");
  private static final Set<String> OWNER = Set.of("coldkey", "hotkey");
  private static final Set<String> NEURON = Set.of("hotkey", "coldkey", "stake", "validatorPermit");
  private static final Set<String> PARAMS = Set.of("tempo", "weightsSetRateLimit", "commitRevealEnabled",
      "revealPeriodEpochs", "weightsVersionKey", "minAllowedWeights", "maxWeightsLimit", "maxAllowedValidators",
      "maxAllowedUids", "immunityPeriod", "stakeThreshold", "maxSpace");

  private GenesisParser() {}

  public static Genesis defaultGenesis() {
    try (InputStream in = GenesisParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new KinitroException(ErrorCode.INTERNAL_ERROR, "the bundled " + DEFAULT_RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "cannot read the bundled " + DEFAULT_RESOURCE, e);
    }
  }

  public static Genesis load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.DEVCHAIN_GENESIS_INVALID, "cannot read genesis file " + file + ": " + e.getMessage(), e);
    }
  }

  public static Genesis parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw invalid("the genesis is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("the genesis must be a JSON object");
    }
    requireKnown(root, TOP_LEVEL, "the genesis");
    String chainName = optionalText(root, "chainName").orElse(Genesis.DEFAULT_CHAIN_NAME);
    int netuid = (int) requiredLong(root, "netuid", "the genesis");
    Optional<Duration> blockTime = optionalText(root, "blockTime").map(t -> DurationText.parse(t, ErrorCode.DEVCHAIN_CONFIG_INVALID));
    SubnetParams params = params(root.get("params"));

    JsonNode ownerNode = root.get("owner");
    if (ownerNode == null) {
      throw invalid("the genesis needs an owner: a key such as \"//Alice\" or {\"coldkey\": ..., \"hotkey\": ...}");
    }
    KeyRef ownerColdkey;
    KeyRef ownerHotkey;
    if (ownerNode.isString()) {
      ownerColdkey = KeyRef.parse(ownerNode.stringValue());
      ownerHotkey = ownerColdkey;
    } else if (ownerNode.isObject()) {
      requireKnown(ownerNode, OWNER, "owner");
      ownerColdkey = KeyRef.parse(requiredText(ownerNode, "coldkey", "owner"));
      ownerHotkey = optionalText(ownerNode, "hotkey").map(KeyRef::parse).orElse(ownerColdkey);
    } else {
      throw invalid("owner must be a key string or an object with coldkey and hotkey");
    }

    List<GenesisNeuron> neurons = new ArrayList<>();
    JsonNode list = root.get("neurons");
    if (list != null) {
      if (!list.isArray()) {
        throw invalid("neurons must be an array");
      }
      for (JsonNode n : list) {
        String where = "neuron " + neurons.size();
        if (!n.isObject()) {
          throw invalid(where + " must be an object with hotkey, coldkey, stake and validatorPermit");
        }
        requireKnown(n, NEURON, where);
        KeyRef hotkey = KeyRef.parse(requiredText(n, "hotkey", where));
        KeyRef coldkey = optionalText(n, "coldkey").map(KeyRef::parse).orElse(hotkey);
        long stake = n.has("stake") ? stake(n.get("stake"), where) : 0;
        boolean permit = n.has("validatorPermit") && bool(n.get("validatorPermit"), where + " validatorPermit");
        neurons.add(new GenesisNeuron(hotkey, coldkey, stake, permit));
      }
    }
    return new Genesis(chainName, netuid, blockTime, params, ownerColdkey, ownerHotkey, neurons);
  }

  private static SubnetParams params(JsonNode node) {
    SubnetParams d = SubnetParams.defaults();
    if (node == null) {
      return d;
    }
    if (!node.isObject()) {
      throw invalid("params must be an object");
    }
    requireKnown(node, PARAMS, "params");
    return new SubnetParams(
        (int) longOr(node, "tempo", d.tempo()),
        longOr(node, "weightsSetRateLimit", d.weightsSetRateLimit()),
        node.has("commitRevealEnabled") ? bool(node.get("commitRevealEnabled"), "params.commitRevealEnabled")
            : d.commitRevealEnabled(),
        longOr(node, "revealPeriodEpochs", d.revealPeriodEpochs()),
        longOr(node, "weightsVersionKey", d.weightsVersionKey()),
        (int) longOr(node, "minAllowedWeights", d.minAllowedWeights()),
        (int) longOr(node, "maxWeightsLimit", d.maxWeightsLimit()),
        (int) longOr(node, "maxAllowedValidators", d.maxAllowedValidators()),
        (int) longOr(node, "maxAllowedUids", d.maxAllowedUids()),
        (int) longOr(node, "immunityPeriod", d.immunityPeriod()),
        node.has("stakeThreshold") ? stake(node.get("stakeThreshold"), "params.stakeThreshold") : d.stakeThreshold(),
        longOr(node, "maxSpace", d.maxSpace()));
  }

  /** A stake: an integer number of rao, or a string such as {@code "1000 TAO"} or {@code "0.5 TAO"}. */
  public static long stake(JsonNode node, String where) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isString()) {
      String text = node.stringValue().strip();
      String upper = text.toUpperCase(Locale.ROOT);
      try {
        if (upper.endsWith("TAO")) {
          BigDecimal tao = new BigDecimal(text.substring(0, text.length() - 3).strip());
          return tao.multiply(BigDecimal.valueOf(RAO_PER_TAO)).longValueExact();
        }
        return Long.parseLong(text);
      } catch (ArithmeticException | NumberFormatException e) {
        throw invalid(where + " stake '" + text + "' must be a whole number of rao or a TAO amount such as \"1000 TAO\"");
      }
    }
    throw invalid(where + " stake must be a number of rao or a string such as \"1000 TAO\"");
  }

  private static void requireKnown(JsonNode node, Set<String> known, String where) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        throw invalid(where + " has an unknown field '" + name + "'; known fields: " + known.stream().sorted().toList());
      }
    }
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw invalid(field + " must be a string");
    }
    return Optional.of(value.stringValue());
  }

  private static String requiredText(JsonNode node, String field, String where) {
    return optionalText(node, field).orElseThrow(() -> invalid(where + " needs " + field));
  }

  private static long requiredLong(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw invalid(where + " needs " + field);
    }
    return integer(value, field);
  }

  private static long longOr(JsonNode node, String field, long fallback) {
    JsonNode value = node.get(field);
    return value == null ? fallback : integer(value, "params." + field);
  }

  private static long integer(JsonNode value, String field) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalid(field + " must be a whole number");
    }
    return value.longValue();
  }

  private static boolean bool(JsonNode value, String field) {
    if (!value.isBoolean()) {
      throw invalid(field + " must be true or false");
    }
    return value.booleanValue();
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.DEVCHAIN_GENESIS_INVALID, message);
  }
}
