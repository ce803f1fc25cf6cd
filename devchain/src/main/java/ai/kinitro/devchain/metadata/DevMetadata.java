package ai.kinitro.devchain.metadata;

import static ai.kinitro.devchain.metadata.TypeTable.field;
import static ai.kinitro.devchain.metadata.TypeTable.unit;
import static ai.kinitro.devchain.metadata.TypeTable.variantOf;

import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.chain.metadata.ExtrinsicMetadata;
import ai.kinitro.common.chain.metadata.MetadataWriter;
import ai.kinitro.common.chain.metadata.PalletConstant;
import ai.kinitro.common.chain.metadata.PalletMetadata;
import ai.kinitro.common.chain.metadata.PortableRegistry;
import ai.kinitro.common.chain.metadata.RuntimeApiMetadata;
import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.common.chain.metadata.StorageEntry;
import ai.kinitro.common.chain.metadata.TypeDef;
import ai.kinitro.common.scale.ScaleWriter;
import ai.kinitro.devchain.runtime.AdminUtilsError;
import ai.kinitro.devchain.runtime.CommitmentsError;
import ai.kinitro.devchain.runtime.Pallets;
import ai.kinitro.devchain.runtime.SubtensorError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dev chain's metadata. It describes exactly what the dev chain implements (System,
 * SubtensorModule, Commitments and AdminUtils with their subtensor indices; only the supported
 * calls and emitted events, all error names in subtensor's order; the storage items of {@code
 * StorageLayout} with subtensor's hashers, types and ValueQuery defaults; subtensor's signed
 * extension list), so a metadata-driven client resolves the same call indices, keys, defaults and
 * error names as on a subtensor node.
 */
public final class DevMetadata {
  private static final String ACCOUNT_ID = "sp_core::crypto::AccountId32";
  private static final String SUBTENSOR_EVENT = "pallet_subtensor::pallet::Event";
  private static final String COMMITMENTS_EVENT = "pallet_commitments::pallet::Event";
  private static final String SYSTEM_EVENT = "frame_system::pallet::Event";

  private final RuntimeMetadata v14;
  private final RuntimeMetadata v15;

  private DevMetadata(RuntimeMetadata v14, RuntimeMetadata v15) {
    this.v14 = v14;
    this.v15 = v15;
  }

  /** The metadata model in version 14 ({@code state_getMetadata}). */
  public RuntimeMetadata v14() {
    return v14;
  }

  /** The metadata model in version 15 ({@code Metadata_metadata_at_version(15)}). */
  public RuntimeMetadata v15() {
    return v15;
  }

  /** The V14 blob, {@code "meta"} magic included. */
  public byte[] v14Bytes() {
    return MetadataWriter.write(v14);
  }

  /** The V15 blob. */
  public byte[] v15Bytes() {
    return MetadataWriter.write(v15);
  }

  public static DevMetadata build() {
    return new Builder().build();
  }

  /** Assembles the registry and pallets. One instance builds one metadata. */
  private static final class Builder {
    private final TypeTable t = new TypeTable();
    private int u8;
    private int u16;
    private int u32;
    private int u64;
    private int bool;
    private int bytes32;
    private int accountId;
    private int h256;
    private int netUid;
    private int netUidStorageIndex;
    private int mechId;
    private int vecU16;


    DevMetadata build() {
      u8 = t.u8();
      u16 = t.u16();
      u32 = t.u32();
      u64 = t.u64();
      bool = t.bool();
      bytes32 = t.array(32, u8);
      accountId = t.newtype(ACCOUNT_ID, bytes32, "[u8; 32]");
      h256 = t.newtype("primitive_types::H256", bytes32, "[u8; 32]");
      netUid = t.newtype("subtensor_runtime_common::NetUid", u16, "u16");
      netUidStorageIndex = t.newtype("subtensor_runtime_common::NetUidStorageIndex", u16, "u16");
      mechId = t.newtype("subtensor_runtime_common::MechId", u8, "u8");
      vecU16 = t.sequence(u16);
      int taoBalance = t.newtype("subtensor_runtime_common::TaoBalance", u64, "u64");
      int alphaBalance = t.newtype("subtensor_runtime_common::AlphaBalance", u64, "u64");

      // --- calls
      int subtensorCall = t.variant("pallet_subtensor::pallet::Call", List.of(
          variantOf("set_weights", Pallets.CALL_SET_WEIGHTS, field("netuid", netUid, "NetUid"),
              field("dests", vecU16, "Vec<u16>"), field("weights", vecU16, "Vec<u16>"),
              field("version_key", u64, "u64")),
          variantOf("commit_weights", Pallets.CALL_COMMIT_WEIGHTS, field("netuid", netUid, "NetUid"),
              field("commit_hash", h256, "H256")),
          variantOf("reveal_weights", Pallets.CALL_REVEAL_WEIGHTS, field("netuid", netUid, "NetUid"),
              field("uids", vecU16, "Vec<u16>"), field("values", vecU16, "Vec<u16>"),
              field("salt", vecU16, "Vec<u16>"), field("version_key", u64, "u64")),
          variantOf("commit_mechanism_weights", Pallets.CALL_COMMIT_MECHANISM_WEIGHTS,
              field("netuid", netUid, "NetUid"), field("mecid", mechId, "MechId"), field("commit_hash", h256, "H256")),
          variantOf("reveal_mechanism_weights", Pallets.CALL_REVEAL_MECHANISM_WEIGHTS,
              field("netuid", netUid, "NetUid"), field("mecid", mechId, "MechId"), field("uids", vecU16, "Vec<u16>"),
              field("values", vecU16, "Vec<u16>"), field("salt", vecU16, "Vec<u16>"),
              field("version_key", u64, "u64")),
          variantOf("set_mechanism_weights", Pallets.CALL_SET_MECHANISM_WEIGHTS, field("netuid", netUid, "NetUid"),
              field("mecid", mechId, "MechId"), field("dests", vecU16, "Vec<u16>"),
              field("weights", vecU16, "Vec<u16>"), field("version_key", u64, "u64"))));

      int data = commitmentData();
      int boundedData = t.newtype("bounded_collections::bounded_vec::BoundedVec", t.sequence(data), "Vec<T>");
      int commitmentInfo = t.composite("pallet_commitments::types::CommitmentInfo",
          List.of(field("fields", boundedData, "BoundedVec<Data, FieldLimit>")));
      int commitmentsCall = t.variant("pallet_commitments::pallet::Call", List.of(
          variantOf("set_commitment", Pallets.CALL_SET_COMMITMENT, field("netuid", netUid, "NetUid"),
              field("info", commitmentInfo, "Box<CommitmentInfo<T::MaxFields>>"))));
      int adminCall = t.variant("pallet_admin_utils::pallet::Call", List.of(
          variantOf("sudo_set_commit_reveal_weights_enabled", Pallets.CALL_SUDO_SET_COMMIT_REVEAL_WEIGHTS_ENABLED,
              field("netuid", netUid, "NetUid"), field("enabled", bool, "bool"))));
      int runtimeCall = t.variant("node_subtensor_runtime::RuntimeCall", List.of(
          variantOf("SubtensorModule", Pallets.SUBTENSOR_MODULE, field(null, subtensorCall, "pallet_subtensor::Call<Runtime>")),
          variantOf("Commitments", Pallets.COMMITMENTS, field(null, commitmentsCall, "pallet_commitments::Call<Runtime>")),
          variantOf("AdminUtils", Pallets.ADMIN_UTILS, field(null, adminCall, "pallet_admin_utils::Call<Runtime>"))));

      // --- events
      int dispatchError = dispatchError();
      int weight = t.composite("sp_weights::weight_v2::Weight", List.of(
          field("ref_time", t.compact(u64), "u64"), field("proof_size", t.compact(u64), "u64")));
      int dispatchClass = t.variant("frame_support::dispatch::DispatchClass",
          List.of(unit("Normal", 0), unit("Operational", 1), unit("Mandatory", 2)));
      int pays = t.variant("frame_support::dispatch::Pays", List.of(unit("Yes", 0), unit("No", 1)));
      int dispatchInfo = t.composite("frame_system::DispatchEventInfo", List.of(
          field("weight", weight, "Weight"), field("class", dispatchClass, "DispatchClass"),
          field("pays_fee", pays, "Pays")));
      int systemEvent = t.variant(SYSTEM_EVENT, List.of(
          variantOf("ExtrinsicSuccess", Pallets.EVENT_EXTRINSIC_SUCCESS,
              field("dispatch_info", dispatchInfo, "DispatchEventInfo")),
          variantOf("ExtrinsicFailed", Pallets.EVENT_EXTRINSIC_FAILED,
              field("dispatch_error", dispatchError, "DispatchError"),
              field("dispatch_info", dispatchInfo, "DispatchEventInfo"))));
      int subtensorEvent = t.variant(SUBTENSOR_EVENT, List.of(
          variantOf("StakeAdded", Pallets.EVENT_STAKE_ADDED, field(null, accountId, "T::AccountId"),
              field(null, accountId, "T::AccountId"), field(null, taoBalance, "TaoBalance"),
              field(null, alphaBalance, "AlphaBalance"), field(null, netUid, "NetUid"), field(null, u64, "u64")),
          variantOf("WeightsSet", Pallets.EVENT_WEIGHTS_SET, field(null, netUidStorageIndex, "NetUidStorageIndex"),
              field(null, u16, "u16")),
          variantOf("NeuronRegistered", Pallets.EVENT_NEURON_REGISTERED, field(null, netUid, "NetUid"),
              field(null, u16, "u16"), field(null, accountId, "T::AccountId")),
          variantOf("WeightsCommitted", Pallets.EVENT_WEIGHTS_COMMITTED, field(null, accountId, "T::AccountId"),
              field(null, netUidStorageIndex, "NetUidStorageIndex"), field(null, h256, "H256")),
          variantOf("WeightsRevealed", Pallets.EVENT_WEIGHTS_REVEALED, field(null, accountId, "T::AccountId"),
              field(null, netUidStorageIndex, "NetUidStorageIndex"), field(null, h256, "H256")),
          variantOf("CommitRevealEnabled", Pallets.EVENT_COMMIT_REVEAL_ENABLED, field(null, netUid, "NetUid"),
              field(null, bool, "bool"))));
      int commitmentsEvent = t.variant(COMMITMENTS_EVENT, List.of(
          variantOf("Commitment", Pallets.EVENT_COMMITMENT, field("netuid", netUid, "NetUid"),
              field("who", accountId, "T::AccountId")),
          variantOf("TimelockCommitment", Pallets.EVENT_TIMELOCK_COMMITMENT, field("netuid", netUid, "NetUid"),
              field("who", accountId, "T::AccountId"), field("reveal_round", u64, "u64"))));
      int runtimeEvent = t.variant("node_subtensor_runtime::RuntimeEvent", List.of(
          variantOf("System", Pallets.SYSTEM, field(null, systemEvent, "frame_system::Event<Runtime>")),
          variantOf("SubtensorModule", Pallets.SUBTENSOR_MODULE, field(null, subtensorEvent, "pallet_subtensor::Event<Runtime>")),
          variantOf("Commitments", Pallets.COMMITMENTS, field(null, commitmentsEvent, "pallet_commitments::Event<Runtime>"))));
      int phase = t.variant("frame_system::Phase", List.of(
          variantOf("ApplyExtrinsic", 0, field(null, u32, "u32")), unit("Finalization", 1), unit("Initialization", 2)));
      int eventRecord = t.composite("frame_system::EventRecord", List.of(field("phase", phase, "Phase"),
          field("event", runtimeEvent, "E"), field("topics", t.sequence(h256), "Vec<T>")));

      // --- errors
      int systemError = errorEnum("frame_system::pallet::Error", List.of("InvalidSpecName",
          "SpecVersionNeedsToIncrease", "FailedToExtractRuntimeVersion", "NonDefaultComposite", "NonZeroRefCount",
          "CallFiltered", "MultiBlockMigrationsOngoing", "NothingAuthorized", "Unauthorized"));
      int subtensorError = errorEnum("pallet_subtensor::pallet::Error",
          Arrays.stream(SubtensorError.values()).map(SubtensorError::runtimeName).toList());
      int commitmentsError = errorEnum("pallet_commitments::pallet::Error",
          Arrays.stream(CommitmentsError.values()).map(CommitmentsError::runtimeName).toList());
      int adminError = errorEnum("pallet_admin_utils::pallet::Error",
          Arrays.stream(AdminUtilsError.values()).map(AdminUtilsError::runtimeName).toList());
      int runtimeError = t.variant("node_subtensor_runtime::RuntimeError", List.of(
          variantOf("System", Pallets.SYSTEM, field(null, systemError, "frame_system::Error<Runtime>")),
          variantOf("SubtensorModule", Pallets.SUBTENSOR_MODULE, field(null, subtensorError, "pallet_subtensor::Error<Runtime>")),
          variantOf("Commitments", Pallets.COMMITMENTS, field(null, commitmentsError, "pallet_commitments::Error<Runtime>")),
          variantOf("AdminUtils", Pallets.ADMIN_UTILS, field(null, adminError, "pallet_admin_utils::Error<Runtime>"))));

      // --- pallets
      PalletMetadata system = new PalletMetadata("System", Optional.of(new PalletMetadata.Storage("System",
          systemStorage(eventRecord))), Optional.empty(), Optional.of(systemEvent), List.of(
              constant("BlockHashCount", u32, w -> w.u32(4096)),
              constant("SS58Prefix", u16, w -> w.u16(42))),
          Optional.of(systemError), Pallets.SYSTEM, List.of());
      PalletMetadata subtensor = new PalletMetadata("SubtensorModule", Optional.of(new PalletMetadata.Storage(
          "SubtensorModule", subtensorStorage(alphaBalance))), Optional.of(subtensorCall), Optional.of(subtensorEvent),
          List.of(), Optional.of(subtensorError), Pallets.SUBTENSOR_MODULE, List.of());
      PalletMetadata commitments = new PalletMetadata("Commitments", Optional.of(new PalletMetadata.Storage(
          "Commitments", commitmentsStorage(commitmentInfo))), Optional.of(commitmentsCall),
          Optional.of(commitmentsEvent), List.of(constant("MaxFields", u32, w -> w.u32(3))),
          Optional.of(commitmentsError), Pallets.COMMITMENTS, List.of());
      PalletMetadata admin = new PalletMetadata("AdminUtils", Optional.empty(), Optional.of(adminCall),
          Optional.empty(), List.of(), Optional.of(adminError), Pallets.ADMIN_UTILS, List.of());
      List<PalletMetadata> pallets = List.of(system, subtensor, commitments, admin);

      // --- extrinsic
      List<ExtrinsicMetadata.SignedExtension> extensions = signedExtensions();
      int extra = t.tuple(extensions.stream().map(ExtrinsicMetadata.SignedExtension::type).toArray(Integer[]::new));
      int address = t.variant("sp_runtime::multiaddress::MultiAddress", List.of(
          variantOf("Id", 0, field(null, accountId, "AccountId")),
          variantOf("Index", 1, field(null, t.compact(t.tuple()), "AccountIndex")),
          variantOf("Raw", 2, field(null, t.sequence(u8), "Vec<u8>")),
          variantOf("Address32", 3, field(null, bytes32, "[u8; 32]")),
          variantOf("Address20", 4, field(null, t.array(20, u8), "[u8; 20]"))));
      int bytes64 = t.array(64, u8);
      int signature = t.variant("sp_runtime::MultiSignature", List.of(
          variantOf("Ed25519", 0, field(null, t.newtype("sp_core::ed25519::Signature", bytes64, "[u8; 64]"), "ed25519::Signature")),
          variantOf("Sr25519", 1, field(null, t.newtype("sp_core::sr25519::Signature", bytes64, "[u8; 64]"), "sr25519::Signature")),
          variantOf("Ecdsa", 2, field(null, t.newtype("sp_core::ecdsa::Signature", t.array(65, u8), "[u8; 65]"), "ecdsa::Signature"))));
      int unchecked = t.newtype("sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic", t.sequence(u8), "Vec<u8>");
      int runtimeType = t.composite("node_subtensor_runtime::Runtime", List.of());

      List<RuntimeApiMetadata> apis = runtimeApis();
      PortableRegistry registry = t.registry();
      ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(4, Optional.of(unchecked),
          Optional.of(new ExtrinsicMetadata.V15Types(address, runtimeCall, signature, extra)), extensions);
      RuntimeMetadata v14 = RuntimeMetadata.v14(registry, pallets, extrinsic, runtimeType);
      RuntimeMetadata v15 = new RuntimeMetadata(15, registry, pallets, extrinsic, runtimeType, apis,
          Optional.of(new RuntimeMetadata.OuterEnums(runtimeCall, runtimeEvent, runtimeError)), List.of());
      return new DevMetadata(v14, v15);
    }

    /** {@code pallet_commitments::types::Data}: None, Raw0..Raw128, four hashes, timelock, reset flag, big raw. */
    private int commitmentData() {
      List<TypeDef.VariantDef> variants = new ArrayList<>();
      variants.add(unit("None", 0));
      for (int n = 0; n <= 128; n++) {
        variants.add(variantOf("Raw" + n, n + 1, field(null, t.array(n, u8), "[u8; " + n + "]")));
      }
      variants.add(variantOf("BlakeTwo256", 130, field(null, bytes32, "[u8; 32]")));
      variants.add(variantOf("Sha256", 131, field(null, bytes32, "[u8; 32]")));
      variants.add(variantOf("Keccak256", 132, field(null, bytes32, "[u8; 32]")));
      variants.add(variantOf("ShaThree256", 133, field(null, bytes32, "[u8; 32]")));
      int boundedBytes = t.newtype("bounded_collections::bounded_vec::BoundedVec", t.sequence(u8), "Vec<T>");
      variants.add(variantOf("TimelockEncrypted", 134,
          field("encrypted", boundedBytes, "BoundedVec<u8, ConstU32<MAX_TIMELOCK_COMMITMENT_SIZE_BYTES>>"),
          field("reveal_round", u64, "u64")));
      variants.add(unit("ResetBondsFlag", 135));
      variants.add(variantOf("BigRaw", 136, field(null, boundedBytes, "BoundedVec<u8, ConstU32<MAX_BIGRAW_COMMITMENT_SIZE_BYTES>>")));
      return t.variant("pallet_commitments::types::Data", variants);
    }

    private int dispatchError() {
      int moduleError = t.composite("sp_runtime::ModuleError", List.of(
          field("index", u8, "u8"), field("error", t.array(4, u8), "[u8; MAX_MODULE_ERROR_ENCODED_SIZE]")));
      int tokenError = t.variant("sp_runtime::TokenError", List.of(unit("FundsUnavailable", 0),
          unit("OnlyProvider", 1), unit("BelowMinimum", 2), unit("CannotCreate", 3), unit("UnknownAsset", 4),
          unit("Frozen", 5), unit("Unsupported", 6), unit("CannotCreateHold", 7), unit("NotExpendable", 8),
          unit("Blocked", 9)));
      int arithmeticError = t.variant("sp_arithmetic::ArithmeticError",
          List.of(unit("Underflow", 0), unit("Overflow", 1), unit("DivisionByZero", 2)));
      int transactionalError = t.variant("sp_runtime::TransactionalError",
          List.of(unit("LimitReached", 0), unit("NoLayer", 1)));
      return t.variant("sp_runtime::DispatchError", List.of(unit("Other", 0), unit("CannotLookup", 1),
          unit("BadOrigin", 2), variantOf("Module", 3, field(null, moduleError, "ModuleError")),
          unit("ConsumerRemaining", 4), unit("NoProviders", 5), unit("TooManyConsumers", 6),
          variantOf("Token", 7, field(null, tokenError, "TokenError")),
          variantOf("Arithmetic", 8, field(null, arithmeticError, "ArithmeticError")),
          variantOf("Transactional", 9, field(null, transactionalError, "TransactionalError")),
          unit("Exhausted", 10), unit("Corruption", 11), unit("Unavailable", 12), unit("RootNotAllowed", 13)));
    }

    private int errorEnum(String path, List<String> names) {
      List<TypeDef.VariantDef> variants = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        variants.add(unit(names.get(i), i));
      }
      return t.variant(path, variants);
    }

    private List<StorageEntry> systemStorage(int eventRecord) {
      int accountData = t.composite("pallet_balances::types::AccountData", List.of(
          field("free", u64, "Balance"), field("reserved", u64, "Balance"), field("frozen", u64, "Balance"),
          field("flags", t.newtype("pallet_balances::types::ExtraFlags", t.u128(), "u128"), "ExtraFlags")));
      int accountInfo = t.composite("frame_system::AccountInfo", List.of(field("nonce", u32, "Nonce"),
          field("consumers", u32, "RefCount"), field("providers", u32, "RefCount"),
          field("sufficients", u32, "RefCount"), field("data", accountData, "AccountData")));
      byte[] accountDefault = ScaleWriter.encode(w -> w.u32(0).u32(0).u32(0).u32(0).u64(0).u64(0).u64(0)
          .u128(BigInteger.ONE.shiftLeft(127)));
      return List.of(
          map("Account", List.of(StorageHasher.BLAKE2_128_CONCAT), accountId, accountInfo, accountDefault),
          plain("Number", u32, ScaleWriter.encode(w -> w.u32(0))),
          plain("ParentHash", h256, new byte[32]),
          map("BlockHash", List.of(StorageHasher.TWOX_64_CONCAT), u32, h256, new byte[32]),
          plain("Events", t.sequence(eventRecord), new byte[] {0}),
          plain("EventCount", u32, ScaleWriter.encode(w -> w.u32(0))));
    }

    private List<StorageEntry> subtensorStorage(int alphaBalance) {
      List<StorageHasher> id = List.of(StorageHasher.IDENTITY);
      List<StorageHasher> idId = List.of(StorageHasher.IDENTITY, StorageHasher.IDENTITY);
      List<StorageHasher> twox = List.of(StorageHasher.TWOX_64_CONCAT);
      int netUidU16 = t.tuple(netUid, u16);
      int vecBool = t.sequence(bool);
      byte[] emptyVec = {0};
      byte[] zeroAccount = new byte[32];
      return List.of(
          map("NetworksAdded", id, netUid, bool, ScaleWriter.encode(w -> w.bool(false))),
          map("SubnetworkN", id, netUid, u16, u16(0)),
          map("Tempo", id, netUid, u16, u16(360)),
          map("WeightsSetRateLimit", id, netUid, u64, u64(100)),
          map("CommitRevealWeightsEnabled", id, netUid, bool, ScaleWriter.encode(w -> w.bool(true))),
          map("RevealPeriodEpochs", twox, netUid, u64, u64(1)),
          map("WeightsVersionKey", id, netUid, u64, u64(0)),
          map("MinAllowedWeights", id, netUid, u16, u16(1024)),
          map("MaxWeightsLimit", id, netUid, u16, u16(0xFFFF)),
          map("MaxAllowedValidators", id, netUid, u16, u16(128)),
          map("MaxAllowedUids", id, netUid, u16, u16(256)),
          map("ImmunityPeriod", id, netUid, u16, u16(4096)),
          map("SubnetEpochIndex", id, netUid, u64, u64(0)),
          plain("StakeThreshold", u64, u64(0)),
          plain("CommitRevealWeightsVersion", u16, u16(4)),
          map("MechanismCountCurrent", twox, netUid, mechId, ScaleWriter.encode(w -> w.u8(1))),
          map("SubnetOwner", id, netUid, accountId, zeroAccount),
          map("SubnetOwnerHotkey", id, netUid, accountId, zeroAccount),
          map("ValidatorPermit", id, netUid, vecBool, emptyVec),
          map("Active", id, netUid, vecBool, emptyVec),
          map("LastUpdate", id, netUidStorageIndex, t.sequence(u64), emptyVec),
          map("Keys", idId, netUidU16, accountId, zeroAccount),
          optionalMap("Uids", List.of(StorageHasher.IDENTITY, StorageHasher.BLAKE2_128_CONCAT),
              t.tuple(netUid, accountId), u16),
          map("BlockAtRegistration", idId, netUidU16, u64, u64(0)),
          map("Weights", idId, t.tuple(netUidStorageIndex, u16), t.sequence(t.tuple(u16, u16)), emptyVec),
          map("TotalHotkeyAlpha", List.of(StorageHasher.BLAKE2_128_CONCAT, StorageHasher.IDENTITY),
              t.tuple(accountId, netUid), alphaBalance, u64(0)),
          map("Owner", List.of(StorageHasher.BLAKE2_128_CONCAT), accountId, accountId, zeroAccount),
          optionalMap("WeightCommits", List.of(StorageHasher.TWOX_64_CONCAT, StorageHasher.TWOX_64_CONCAT),
              t.tuple(netUidStorageIndex, accountId), t.sequence(t.tuple(h256, u64, u64, u64))));
    }

    private List<StorageEntry> commitmentsStorage(int commitmentInfo) {
      List<StorageHasher> hashers = List.of(StorageHasher.IDENTITY, StorageHasher.TWOX_64_CONCAT);
      int key = t.tuple(netUid, accountId);
      int registration = t.composite("pallet_commitments::types::Registration", List.of(
          field("deposit", u64, "Balance"), field("block", u32, "BlockNumber"),
          field("info", commitmentInfo, "CommitmentInfo<MaxFields>")));
      int usage = t.composite("pallet_commitments::types::UsageTracker",
          List.of(field("last_epoch", u64, "u64"), field("used_space", u64, "u64")));
      return List.of(
          optionalMap("CommitmentOf", hashers, key, registration),
          optionalMap("LastCommitment", hashers, key, u32),
          optionalMap("UsedSpaceOf", hashers, key, usage),
          plain("MaxSpace", u32, ScaleWriter.encode(w -> w.u32(3100))));
    }

    private List<ExtrinsicMetadata.SignedExtension> signedExtensions() {
      int unitType = t.tuple();
      int era = era();
      int checkNonce = t.newtype("node_subtensor_runtime::check_nonce::CheckNonce", t.compact(u32), "T::Nonce");
      int chargePayment = t.newtype("pallet_transaction_payment::ChargeTransactionPayment", t.compact(u64),
          "BalanceOf<T>");
      int chargeWrapper = t.newtype("node_subtensor_runtime::transaction_payment_wrapper::ChargeTransactionPaymentWrapper",
          chargePayment, "ChargeTransactionPayment<T>");
      int mode = t.variant("frame_metadata_hash_extension::Mode", List.of(unit("Disabled", 0), unit("Enabled", 1)));
      int metadataHash = t.composite("frame_metadata_hash_extension::CheckMetadataHash",
          List.of(field("mode", mode, "Mode")));
      int optionHash = t.variant("Option", List.of(unit("None", 0), variantOf("Some", 1, field(null, bytes32, null))));
      return List.of(
          ext("CheckNonZeroSender", empty("frame_system::extensions::check_non_zero_sender::CheckNonZeroSender"), unitType),
          ext("CheckSpecVersion", empty("frame_system::extensions::check_spec_version::CheckSpecVersion"), u32),
          ext("CheckTxVersion", empty("frame_system::extensions::check_tx_version::CheckTxVersion"), u32),
          ext("CheckGenesis", empty("frame_system::extensions::check_genesis::CheckGenesis"), h256),
          ext("CheckMortality", t.newtype("node_subtensor_runtime::check_mortality::CheckMortality", era, "Era"), h256),
          ext("CheckNonce", checkNonce, unitType),
          ext("CheckWeight", empty("frame_system::extensions::check_weight::CheckWeight"), unitType),
          ext("ChargeTransactionPaymentWrapper", chargeWrapper, unitType),
          ext("SudoTransactionExtension", empty("node_subtensor_runtime::sudo_wrapper::SudoTransactionExtension"), unitType),
          ext("CheckShieldedTxValidity", empty("pallet_shield::extension::CheckShieldedTxValidity"), unitType),
          ext("SubtensorTransactionExtension", empty("pallet_subtensor::extensions::subtensor::SubtensorTransactionExtension"), unitType),
          ext("DrandPriority", empty("pallet_drand::drand_priority::DrandPriority"), unitType),
          ext("CheckMetadataHash", metadataHash, optionHash));
    }

    /** {@code sp_runtime::generic::Era}: Immortal, then Mortal1..Mortal255 each carrying the second byte. */
    private int era() {
      List<TypeDef.VariantDef> variants = new ArrayList<>();
      variants.add(unit("Immortal", 0));
      for (int i = 1; i <= 255; i++) {
        variants.add(variantOf("Mortal" + i, i, field(null, u8, null)));
      }
      return t.variant("sp_runtime::generic::era::Era", variants);
    }

    private List<RuntimeApiMetadata> runtimeApis() {
      int vecU8 = t.sequence(u8);
      int optionVecU8 = t.variant("Option", List.of(unit("None", 0), variantOf("Some", 1, field(null, vecU8, null))));
      int optionU64 = t.variant("Option", List.of(unit("None", 0), variantOf("Some", 1, field(null, u64, null))));
      // The metagraph and neuron structs are described as opaque bytes: the client decodes them by index.
      return List.of(
          new RuntimeApiMetadata("Metadata", List.of(
              new RuntimeApiMetadata.Method("metadata_at_version",
                  List.of(new RuntimeApiMetadata.Param("version", u32)), optionVecU8, List.of()),
              new RuntimeApiMetadata.Method("metadata_versions", List.of(), t.sequence(u32), List.of())), List.of()),
          new RuntimeApiMetadata("AccountNonceApi", List.of(new RuntimeApiMetadata.Method("account_nonce",
              List.of(new RuntimeApiMetadata.Param("account", accountId)), u32, List.of())), List.of()),
          new RuntimeApiMetadata("SubnetInfoRuntimeApi", List.of(
              new RuntimeApiMetadata.Method("get_next_epoch_start_block",
                  List.of(new RuntimeApiMetadata.Param("netuid", netUid)), optionU64, List.of())), List.of()));
    }

    private ExtrinsicMetadata.SignedExtension ext(String identifier, int type, int additional) {
      return new ExtrinsicMetadata.SignedExtension(identifier, type, additional);
    }

    private int empty(String path) {
      return t.composite(path, List.of());
    }

    private PalletConstant constant(String name, int type, Consumer<ScaleWriter> value) {
      return new PalletConstant(name, type, ScaleWriter.encode(value), List.of());
    }

    private static StorageEntry plain(String name, int type, byte[] defaultValue) {
      return new StorageEntry(name, StorageEntry.Modifier.DEFAULT, new StorageEntry.Plain(type), defaultValue,
          List.of());
    }

    private static StorageEntry map(String name, List<StorageHasher> hashers, int key, int value, byte[] defaultValue) {
      return new StorageEntry(name, StorageEntry.Modifier.DEFAULT, new StorageEntry.Map(hashers, key, value),
          defaultValue, List.of());
    }

    private static StorageEntry optionalMap(String name, List<StorageHasher> hashers, int key, int value) {
      return new StorageEntry(name, StorageEntry.Modifier.OPTIONAL, new StorageEntry.Map(hashers, key, value),
          new byte[] {0}, List.of());
    }

    private static byte[] u16(int value) {
      return ScaleWriter.encode(w -> w.u16(value));
    }

    private static byte[] u64(long value) {
      return ScaleWriter.encode(w -> w.u64(value));
    }
  }
}
