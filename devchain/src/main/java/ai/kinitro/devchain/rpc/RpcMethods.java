package ai.kinitro.devchain.rpc;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.genesis.KeyRef;
import ai.kinitro.devchain.node.BlockHeader;
import ai.kinitro.devchain.node.BlockRecord;
import ai.kinitro.devchain.node.DevNode;
import ai.kinitro.devchain.node.Hash;
import ai.kinitro.devchain.node.NodeListener;
import ai.kinitro.devchain.node.StateQuery;
import ai.kinitro.devchain.node.Submission;
import ai.kinitro.devchain.node.TxStatus;
import ai.kinitro.devchain.runtime.Neuron;
import ai.kinitro.devchain.runtime.RuntimeVersion;
import ai.kinitro.devchain.runtime.StorageKeyBytes;
import ai.kinitro.devchain.runtime.SubnetView;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON-RPC methods, answered with the JSON shapes a substrate node uses: hex strings with
 * {@code 0x}, block numbers in headers as hex, {@code null} for absent values. Methods prefixed
 * {@code dev_} are the dev chain's own (not substrate) and exist for tests and demos.
 */
final class RpcMethods {
  /** {@code state_getKeysPaged}'s largest page, as in substrate. */
  static final int MAX_KEYS_PAGE = 1000;
  static final String NODE_NAME = "Kinitro dev chain";
  static final String NODE_VERSION = "0.1.0";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  private final DevNode node;
  private final Map<String, BiFunction<Params, RpcSession, Outcome>> methods = new TreeMap<>();
  private final java.util.Set<String> subscriptionMethods = new java.util.HashSet<>();

  /** A method's answer: a result or an error. */
  sealed interface Outcome {
    record Ok(JsonNode result) implements Outcome {}

    record Err(RpcError error) implements Outcome {}
  }

  RpcMethods(DevNode node) {
    this.node = Objects.requireNonNull(node, "node");
    register();
  }

  Outcome call(String method, Params params, RpcSession session) {
    BiFunction<Params, RpcSession, Outcome> handler = methods.get(method);
    if (handler == null) {
      return new Outcome.Err(RpcError.methodNotFound(method));
    }
    if (subscriptionMethods.contains(method) && !session.supportsSubscriptions()) {
      return new Outcome.Err(RpcError.subscriptionsUnsupported(method));
    }
    try {
      return handler.apply(params, session);
    } catch (KinitroException e) {
      if (e.code() == ErrorCode.INVALID_ARGUMENT || e.code() == ErrorCode.INVALID_KEY
          || e.code() == ErrorCode.CHAIN_DATA_MALFORMED || e.code() == ErrorCode.CHAIN_DATA_TRUNCATED
          || e.code() == ErrorCode.DEVCHAIN_GENESIS_INVALID) {
        return new Outcome.Err(RpcError.invalidParams(e.getMessage()));
      }
      if (e.code() == ErrorCode.DEVCHAIN_DEV_CALL_REJECTED) {
        return new Outcome.Err(new RpcError(RpcError.DEV_CALL_REJECTED, "Dev call rejected", Optional.of(e.getMessage())));
      }
      throw e;
    }
  }

  List<String> names() {
    return List.copyOf(methods.keySet());
  }

  private void register() {
    methods.put("rpc_methods", (p, s) -> {
      ArrayNode list = JSON.arrayNode();
      methods.keySet().forEach(list::add);
      return ok(JSON.objectNode().put("version", 1).set("methods", list));
    });
    methods.put("system_name", (p, s) -> ok(JSON.stringNode(NODE_NAME)));
    methods.put("system_version", (p, s) -> ok(JSON.stringNode(NODE_VERSION)));
    methods.put("system_chain", (p, s) -> ok(JSON.stringNode(node.genesis().chainName())));
    methods.put("system_chainType", (p, s) -> ok(JSON.stringNode("Development")));
    methods.put("system_properties", (p, s) -> ok(JSON.objectNode().put("ss58Format", Ss58.DEFAULT_FORMAT)
        .put("tokenDecimals", 9).put("tokenSymbol", "TAO")));
    methods.put("system_health", (p, s) -> ok(JSON.objectNode().put("peers", 0).put("isSyncing", false)
        .put("shouldHavePeers", false)));
    methods.put("system_accountNextIndex", (p, s) -> ok(JSON.numberNode(
        node.accountNextIndex(account(p.requiredText(0, "account"))))));

    methods.put("chain_getHeader", (p, s) -> ok(at(p, 0).flatMap(this::headerOf).orElse(JSON.nullNode())));
    methods.put("chain_getBlockHash", this::blockHash);
    methods.put("chain_getHead", this::blockHash);
    methods.put("chain_getFinalizedHead", (p, s) -> ok(JSON.stringNode(node.head().hash().toHex())));
    methods.put("chain_getFinalisedHead", (p, s) -> ok(JSON.stringNode(node.head().hash().toHex())));
    methods.put("chain_getBlock", (p, s) -> ok(at(p, 0).flatMap(this::blockOf).orElse(JSON.nullNode())));
    headSubscription("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead");
    headSubscription("chain_subscribeNewHead", "chain_unsubscribeNewHead", "chain_newHead");
    headSubscription("chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_allHead");
    headSubscription("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "chain_finalizedHead");
    headSubscription("chain_subscribeFinalisedHeads", "chain_unsubscribeFinalisedHeads", "chain_finalizedHead");

    methods.put("state_getStorage", this::getStorage);
    methods.put("state_getStorageAt", this::getStorage);
    methods.put("state_queryStorageAt", this::queryStorageAt);
    methods.put("state_getKeysPaged", this::getKeysPaged);
    methods.put("state_getKeysPagedAt", this::getKeysPaged);
    methods.put("state_call", this::stateCall);
    methods.put("state_callAt", this::stateCall);
    methods.put("state_getMetadata", (p, s) -> withState(p.optionalHash(0),
        block -> ok(JSON.stringNode(hex(node.metadata())))));
    methods.put("state_getRuntimeVersion", (p, s) -> withState(p.optionalHash(0), block -> ok(runtimeVersion())));
    methods.put("chain_getRuntimeVersion", (p, s) -> withState(p.optionalHash(0), block -> ok(runtimeVersion())));
    subscriptionMethods.add("state_subscribeRuntimeVersion");
    subscriptionMethods.add("author_submitAndWatchExtrinsic");
    methods.put("state_subscribeRuntimeVersion", (p, s) -> {
      RpcSession.Subscription sub = s.openSubscription("state_runtimeVersion", () -> { });
      sub.send(runtimeVersion());
      return ok(JSON.stringNode(sub.id()));
    });
    methods.put("state_unsubscribeRuntimeVersion", this::unsubscribe);

    methods.put("author_submitExtrinsic", (p, s) -> switch (node.submit(p.requiredBytes(0, "extrinsic"),
        Optional.empty())) {
      case Submission.Accepted a -> ok(JSON.stringNode(a.hash().toHex()));
      case Submission.Rejected r -> new Outcome.Err(RpcError.fromRejection(r.rejection()));
    });
    methods.put("author_submitAndWatchExtrinsic", this::submitAndWatch);
    methods.put("author_unwatchExtrinsic", this::unsubscribe);

    methods.put("dev_advanceBlocks", (p, s) -> {
      int count = p.get(0).map(n -> (int) Params.blockNumber(n)).orElse(1);
      if (count < 1 || count > 10_000) {
        throw Params.invalid("advance between 1 and 10000 blocks, not " + count);
      }
      BlockRecord head = node.produceBlocks(count);
      return ok(JSON.objectNode().put("number", head.number()).put("hash", head.hash().toHex()));
    });
    methods.put("dev_registerNeuron", (p, s) -> {
      KeyRef hotkey = KeyRef.parse(p.requiredText(0, "hotkey"));
      KeyRef coldkey = p.get(1).map(n -> KeyRef.parse(n.asString())).orElse(hotkey);
      long stake = p.get(2).map(n -> GenesisParser.stake(n, "dev_registerNeuron")).orElse(0L);
      DevNode.Produced<Integer> produced = node.registerNeuron(hotkey.account(), coldkey.account(), stake);
      return ok(JSON.objectNode().put("uid", produced.value()).put("block", produced.block().number())
          .put("hash", produced.block().hash().toHex()));
    });
    methods.put("dev_addStake", (p, s) -> {
      KeyRef hotkey = KeyRef.parse(p.requiredText(0, "hotkey"));
      long amount = GenesisParser.stake(p.required(1, "amount"), "dev_addStake");
      DevNode.Produced<Long> produced = node.addStake(hotkey.account(), amount);
      return ok(JSON.objectNode().put("stake", produced.value()).put("block", produced.block().number())
          .put("hash", produced.block().hash().toHex()));
    });
    methods.put("dev_info", (p, s) -> ok(info()));
  }

  // ------------------------------------------------------------------ chain

  private Outcome blockHash(Params p, RpcSession s) {
    Optional<JsonNode> arg = p.get(0);
    if (arg.isEmpty()) {
      return ok(JSON.stringNode(node.head().hash().toHex()));
    }
    if (arg.get().isArray()) {
      ArrayNode list = JSON.arrayNode();
      arg.get().forEach(n -> list.add(hashOrNull(Params.blockNumber(n))));
      return ok(list);
    }
    return ok(hashOrNull(Params.blockNumber(arg.get())));
  }

  private JsonNode hashOrNull(long number) {
    return node.hashOf(number).<JsonNode>map(h -> JSON.stringNode(h.toHex())).orElse(JSON.nullNode());
  }

  /** The block named by parameter {@code index}, or the best block. */
  private Optional<Hash> at(Params p, int index) {
    return Optional.of(p.optionalHash(index).orElse(node.head().hash()));
  }

  private Optional<JsonNode> headerOf(Hash hash) {
    return node.header(hash).map(RpcMethods::headerJson);
  }

  static ObjectNode headerJson(BlockHeader header) {
    ObjectNode o = JSON.objectNode();
    o.put("parentHash", hex(header.parentHash()));
    o.put("number", "0x" + Long.toHexString(header.number()));
    o.put("stateRoot", hex(header.stateRoot()));
    o.put("extrinsicsRoot", hex(header.extrinsicsRoot()));
    o.putObject("digest").putArray("logs");
    return o;
  }

  private Optional<JsonNode> blockOf(Hash hash) {
    return node.header(hash).map(header -> {
      ObjectNode result = JSON.objectNode();
      ObjectNode block = result.putObject("block");
      block.set("header", headerJson(header));
      ArrayNode extrinsics = block.putArray("extrinsics");
      node.extrinsics(hash).orElse(List.of()).forEach(x -> extrinsics.add(hex(x)));
      result.putNull("justifications");
      return result;
    });
  }

  private void headSubscription(String subscribe, String unsubscribe, String notification) {
    subscriptionMethods.add(subscribe);
    methods.put(subscribe, (p, s) -> {
      NodeListener[] holder = new NodeListener[1];
      RpcSession.Subscription sub = s.openSubscription(notification, () -> node.removeListener(holder[0]));
      holder[0] = block -> sub.send(headerJson(block.header()));
      node.addListenerWithHead(holder[0]);
      return ok(JSON.stringNode(sub.id()));
    });
    methods.put(unsubscribe, this::unsubscribe);
  }

  private Outcome unsubscribe(Params p, RpcSession s) {
    return ok(JSON.booleanNode(s.cancelSubscription(p.requiredText(0, "subscription id"))));
  }

  // ------------------------------------------------------------------ state

  private Outcome getStorage(Params p, RpcSession s) {
    byte[] key = p.requiredBytes(0, "storage key");
    return withState(p.optionalHash(1), block -> ok(node.storage(block, key)
        .<JsonNode>map(v -> JSON.stringNode(hex(v))).orElse(JSON.nullNode())));
  }

  private Outcome queryStorageAt(Params p, RpcSession s) {
    JsonNode keys = p.required(0, "keys");
    if (!keys.isArray()) {
      throw Params.invalid("parameter 0 (keys) must be an array of hex keys");
    }
    return withState(p.optionalHash(1), block -> {
      ArrayNode changes = JSON.arrayNode();
      for (JsonNode k : keys) {
        byte[] key = Params.bytes(k.asString(), "storage key");
        ArrayNode pair = changes.addArray().add(hex(key));
        Optional<byte[]> value = node.storage(block, key);
        if (value.isPresent()) {
          pair.add(hex(value.get()));
        } else {
          pair.addNull();
        }
      }
      ArrayNode result = JSON.arrayNode();
      result.addObject().put("block", block.hash().toHex()).set("changes", changes);
      return ok(result);
    });
  }

  private Outcome getKeysPaged(Params p, RpcSession s) {
    byte[] prefix = p.get(0).map(n -> Params.bytes(n.asString(), "prefix")).orElse(new byte[0]);
    long count = Params.blockNumber(p.required(1, "count"));
    if (count > MAX_KEYS_PAGE) {
      return new Outcome.Err(RpcError.of(4002, "count exceeds maximum value. value: " + count + ", max: "
          + MAX_KEYS_PAGE));
    }
    Optional<byte[]> start = p.optionalBytes(2, "start key");
    return withState(p.optionalHash(3), block -> {
      ArrayNode keys = JSON.arrayNode();
      for (StorageKeyBytes key : node.keys(block, prefix, (int) count, start)) {
        keys.add(key.toHex());
      }
      return ok(keys);
    });
  }

  private Outcome stateCall(Params p, RpcSession s) {
    String method = p.requiredText(0, "method");
    byte[] data = p.requiredBytes(1, "call data");
    return withState(p.optionalHash(2), block -> node.call(block, method, data)
        .<Outcome>map(bytes -> ok(JSON.stringNode(hex(bytes))))
        .orElseGet(() -> new Outcome.Err(RpcError.of(RpcError.STATE_CLIENT_ERROR,
            "Client error: Execution failed: Other: Exported method " + method + " is not found"))));
  }

  private Outcome withState(Optional<Hash> at, java.util.function.Function<BlockRecord, Outcome> body) {
    return switch (node.stateAt(at)) {
      case StateQuery.Found f -> body.apply(f.block());
      case StateQuery.Pruned pr -> new Outcome.Err(RpcError.stateDiscarded(pr.hash()));
      case StateQuery.Unknown u -> new Outcome.Err(RpcError.unknownBlock(u.hash()));
    };
  }

  private ObjectNode runtimeVersion() {
    RuntimeVersion v = node.runtimeVersion();
    ObjectNode o = JSON.objectNode();
    o.put("specName", v.specName());
    o.put("implName", v.implName());
    o.put("authoringVersion", v.authoringVersion());
    o.put("specVersion", v.specVersion());
    o.put("implVersion", v.implVersion());
    ArrayNode apis = o.putArray("apis");
    v.apis().forEach(api -> apis.addArray().add(hex(api.id())).add(api.version()));
    o.put("transactionVersion", v.transactionVersion());
    o.put("systemVersion", v.systemVersion());
    o.put("stateVersion", v.systemVersion());
    return o;
  }

  // ------------------------------------------------------------------ author

  private Outcome submitAndWatch(Params p, RpcSession s) {
    byte[] bytes = p.requiredBytes(0, "extrinsic");
    RpcSession.Subscription sub = s.openSubscription("author_extrinsicUpdate", () -> { });
    Submission submission = node.submit(bytes, Optional.of(status -> {
      sub.send(statusJson(status));
      if (status.kind().terminal()) {
        sub.close();
      }
    }));
    return switch (submission) {
      case Submission.Rejected r -> {
        sub.discard();
        yield new Outcome.Err(RpcError.fromRejection(r.rejection()));
      }
      case Submission.Accepted a -> ok(JSON.stringNode(sub.id()));
    };
  }

  static JsonNode statusJson(TxStatus status) {
    return status.block().<JsonNode>map(h -> JSON.objectNode().put(status.kind().jsonName(), h.toHex()))
        .orElseGet(() -> JSON.stringNode(status.kind().jsonName()));
  }

  // ------------------------------------------------------------------ dev

  private ObjectNode info() {
    BlockRecord head = node.head();
    SubnetView subnet = head.subnet();
    ObjectNode o = JSON.objectNode();
    o.put("chain", node.genesis().chainName());
    o.put("genesisHash", node.genesisHash().toHex());
    o.put("best", head.number());
    o.put("bestHash", head.hash().toHex());
    o.put("netuid", subnet.netuid());
    o.put("epochIndex", subnet.epochIndex());
    o.put("ownerColdkey", Ss58.encode(subnet.ownerColdkey().bytes()));
    o.put("ownerHotkey", Ss58.encode(subnet.ownerHotkey().bytes()));
    o.put("commitRevealEnabled", subnet.params().commitRevealEnabled());
    ArrayNode neurons = o.putArray("neurons");
    for (int uid = 0; uid < subnet.neurons().size(); uid++) {
      Neuron n = subnet.neurons().get(uid);
      neurons.addObject().put("uid", uid).put("hotkey", Ss58.encode(n.hotkey().bytes()))
          .put("coldkey", Ss58.encode(n.coldkey().bytes())).put("stake", n.stake())
          .put("validatorPermit", n.validatorPermit()).put("registeredAt", n.registeredAt())
          .put("lastUpdate", n.lastUpdate());
    }
    return o;
  }

  // ------------------------------------------------------------------ helpers

  private static AccountId account(String text) {
    return text.startsWith("0x") ? AccountId.fromHex(text) : new AccountId(Ss58.decodePublicKey(text));
  }

  private static Outcome ok(JsonNode result) {
    return new Outcome.Ok(result);
  }

  static String hex(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }
}
