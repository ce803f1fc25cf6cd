package ai.kinitro.devchain.store;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.genesis.SubnetParams;
import ai.kinitro.devchain.runtime.ChainState;
import ai.kinitro.devchain.runtime.Neuron;
import ai.kinitro.devchain.runtime.Storage;
import ai.kinitro.devchain.runtime.StorageKeyBytes;
import ai.kinitro.devchain.runtime.SubnetState;
import ai.kinitro.devchain.runtime.UsedSpace;
import ai.kinitro.devchain.runtime.WeightCommit;
import ai.kinitro.devchain.runtime.WeightEntry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The snapshot file's JSON form (format 1): readable, hex for bytes, every field named. It holds
 * the genesis hash, the head (number and hash), the runtime state and the head block's storage.
 */
final class StateCodec {
  static final int FORMAT = 1;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private StateCodec() {}

  /** A decoded snapshot. */
  record Snapshot(String genesisHash, long headNumber, String headHash, ChainState state, Storage headStorage) {}

  static byte[] encode(String genesisHash, long headNumber, String headHash, ChainState state, Storage headStorage) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("genesisHash", genesisHash);
    ObjectNode head = root.putObject("head");
    head.put("number", headNumber);
    head.put("hash", headHash);
    ObjectNode nonces = root.putObject("nonces");
    state.nonces().forEach((who, nonce) -> nonces.put(who.toString(), nonce));
    root.set("subnet", subnet(state.subnet()));
    ArrayNode storage = root.putArray("headStorage");
    for (Map.Entry<StorageKeyBytes, byte[]> e : headStorage.entries().entrySet()) {
      storage.addArray().add(e.getKey().toHex()).add(hex(e.getValue()));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  static Snapshot decode(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      int format = root.required("format").asInt();
      if (format != FORMAT) {
        throw unreadable("the snapshot has format " + format + "; this dev chain reads format " + FORMAT);
      }
      JsonNode head = root.required("head");
      ChainState state = new ChainState(head.required("number").asLong(), subnet(root.required("subnet")));
      for (String who : root.required("nonces").propertyNames()) {
        state.setNonce(AccountId.fromHex(who), root.get("nonces").get(who).asLong());
      }
      Storage.Builder storage = Storage.builder();
      for (JsonNode pair : root.required("headStorage")) {
        storage.put(bytes(pair.get(0)), bytes(pair.get(1)));
      }
      return new Snapshot(root.required("genesisHash").asString(), head.required("number").asLong(),
          head.required("hash").asString(), state, storage.build());
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw unreadable("the snapshot is not valid: " + e.getMessage());
    } catch (KinitroException e) {
      if (e.code() == ErrorCode.DEVCHAIN_STATE_UNREADABLE) {
        throw e;
      }
      throw unreadable("the snapshot is not valid: " + e.getMessage());
    }
  }

  private static ObjectNode subnet(SubnetState s) {
    ObjectNode node = JSON.createObjectNode();
    node.put("netuid", s.netuid());
    node.set("params", params(s.params()));
    node.put("ownerColdkey", s.ownerColdkey().toString());
    node.put("ownerHotkey", s.ownerHotkey().toString());
    node.put("epochIndex", s.epochIndex());
    node.put("lastEpochBlock", s.lastEpochBlock());
    ArrayNode neurons = node.putArray("neurons");
    for (Neuron n : s.neurons()) {
      ObjectNode o = neurons.addObject();
      o.put("hotkey", n.hotkey().toString());
      o.put("coldkey", n.coldkey().toString());
      o.put("stake", n.stake());
      o.put("registeredAt", n.registeredAt());
      o.put("validatorPermit", n.validatorPermit());
      o.put("active", n.active());
      o.put("lastUpdate", n.lastUpdate());
      ArrayNode weights = o.putArray("weights");
      n.weights().forEach(w -> weights.addArray().add(w.uid()).add(w.value()));
    }
    ArrayNode commitments = node.putArray("commitments");
    s.commitments().forEach((who, reg) -> commitments.addObject().put("who", who.toString())
        .put("registration", hex(reg.encode())));
    ArrayNode used = node.putArray("usedSpace");
    s.usedSpace().forEach((who, u) -> used.addObject().put("who", who.toString()).put("lastEpoch", u.lastEpoch())
        .put("usedSpace", u.usedSpace()));
    ArrayNode commits = node.putArray("weightCommits");
    s.weightCommits().forEach((who, list) -> {
      ObjectNode o = commits.addObject().put("who", who.toString());
      ArrayNode items = o.putArray("commits");
      list.forEach(c -> items.addObject().put("hash", hex(c.hash())).put("epoch", c.epoch()).put("block", c.block()));
    });
    return node;
  }

  private static SubnetState subnet(JsonNode node) {
    SubnetState s = new SubnetState(node.required("netuid").asInt(), params(node.required("params")),
        AccountId.fromHex(node.required("ownerColdkey").asString()),
        AccountId.fromHex(node.required("ownerHotkey").asString()));
    s.setEpoch(node.required("epochIndex").asLong(), node.required("lastEpochBlock").asLong());
    for (JsonNode n : node.required("neurons")) {
      List<WeightEntry> weights = new ArrayList<>();
      for (JsonNode w : n.required("weights")) {
        weights.add(new WeightEntry(w.get(0).asInt(), w.get(1).asInt()));
      }
      s.appendNeuron(new Neuron(AccountId.fromHex(n.required("hotkey").asString()),
          AccountId.fromHex(n.required("coldkey").asString()), n.required("stake").asLong(),
          n.required("registeredAt").asLong(), n.required("validatorPermit").asBoolean(),
          n.required("active").asBoolean(), n.required("lastUpdate").asLong(), weights));
    }
    for (JsonNode c : node.required("commitments")) {
      s.putCommitment(AccountId.fromHex(c.required("who").asString()),
          CommitmentRegistration.decode(bytes(c.required("registration"))));
    }
    for (JsonNode u : node.required("usedSpace")) {
      s.putUsedSpace(AccountId.fromHex(u.required("who").asString()),
          new UsedSpace(u.required("lastEpoch").asLong(), u.required("usedSpace").asLong()));
    }
    for (JsonNode w : node.required("weightCommits")) {
      List<WeightCommit> list = new ArrayList<>();
      for (JsonNode c : w.required("commits")) {
        list.add(new WeightCommit(bytes(c.required("hash")), c.required("epoch").asLong(), c.required("block").asLong()));
      }
      s.setWeightCommits(AccountId.fromHex(w.required("who").asString()), list);
    }
    return s;
  }

  private static ObjectNode params(SubnetParams p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("tempo", p.tempo());
    o.put("weightsSetRateLimit", p.weightsSetRateLimit());
    o.put("commitRevealEnabled", p.commitRevealEnabled());
    o.put("revealPeriodEpochs", p.revealPeriodEpochs());
    o.put("weightsVersionKey", p.weightsVersionKey());
    o.put("minAllowedWeights", p.minAllowedWeights());
    o.put("maxWeightsLimit", p.maxWeightsLimit());
    o.put("maxAllowedValidators", p.maxAllowedValidators());
    o.put("maxAllowedUids", p.maxAllowedUids());
    o.put("immunityPeriod", p.immunityPeriod());
    o.put("stakeThreshold", p.stakeThreshold());
    o.put("maxSpace", p.maxSpace());
    return o;
  }

  private static SubnetParams params(JsonNode o) {
    return new SubnetParams(o.required("tempo").asInt(), o.required("weightsSetRateLimit").asLong(),
        o.required("commitRevealEnabled").asBoolean(), o.required("revealPeriodEpochs").asLong(),
        o.required("weightsVersionKey").asLong(), o.required("minAllowedWeights").asInt(),
        o.required("maxWeightsLimit").asInt(), o.required("maxAllowedValidators").asInt(),
        o.required("maxAllowedUids").asInt(), o.required("immunityPeriod").asInt(),
        o.required("stakeThreshold").asLong(), o.required("maxSpace").asLong());
  }

  private static String hex(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  private static byte[] bytes(JsonNode node) {
    String text = node.asString();
    return HEX.parseHex(text.startsWith("0x") ? text.substring(2) : text);
  }

  private static KinitroException unreadable(String message) {
    return new KinitroException(ErrorCode.DEVCHAIN_STATE_UNREADABLE, message);
  }
}
