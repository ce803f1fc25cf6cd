package ai.kinitro.common.chain;

import static ai.kinitro.common.chain.ChainVectors.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import org.junit.jupiter.api.Test;

/** Vectors of chain.md §1.1. */
class StorageKeyTest {

  @Test
  void buildsTheWellKnownSystemAccountKeyForAlice() {
    StorageKey key = StorageKey.builder("System", "Account")
        .accountKey(StorageHasher.BLAKE2_128_CONCAT, ALICE)
        .build();
    assertThat(key.toHex()).isEqualTo("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
        + "de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  }

  @Test
  void buildsThePlainSystemEventsKey() {
    assertThat(StorageKey.plain("System", "Events").toHex())
        .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7");
  }

  @Test
  void buildsTheCommitmentOfKeyForNetuidOneAndAlice() {
    StorageKey key = StorageKey.builder("Commitments", "CommitmentOf")
        .u16Key(StorageHasher.IDENTITY, 1)
        .accountKey(StorageHasher.TWOX_64_CONCAT, ALICE)
        .build();
    assertThat(key.toHex()).isEqualTo("0xca407206ec1ab726b2636c4b145ac287419a60ae8b01e6dcaebd7317e43c69bf0100"
        + "518366b5b1bc7c99d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  }

  @Test
  void theCommitmentOfIterationPrefixForNetuidOneEndsAfterTheNetuid() {
    StorageKey prefix = StorageKey.builder("Commitments", "CommitmentOf")
        .u16Key(StorageHasher.IDENTITY, 1)
        .build();
    assertThat(prefix.toHex())
        .isEqualTo("0xca407206ec1ab726b2636c4b145ac287419a60ae8b01e6dcaebd7317e43c69bf0100");
  }

  @Test
  void buildsTheSubtensorKeysKeyForNetuidOneUidZero() {
    StorageKey key = StorageKey.builder("SubtensorModule", "Keys")
        .u16Key(StorageHasher.IDENTITY, 1)
        .u16Key(StorageHasher.IDENTITY, 0)
        .build();
    assertThat(key.toHex())
        .isEqualTo("0x658faa385070e074c85bf6b568cf05559f99a2ce711f3a31b2fc05604c93f17901000000");
  }

  @Test
  void hasherCodesFollowTheMetadataNumbering() {
    assertThat(StorageHasher.values()).extracting(StorageHasher::code).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(StorageHasher.fromCode(5)).isEqualTo(StorageHasher.TWOX_64_CONCAT);
    assertThatThrownBy(() -> StorageHasher.fromCode(7))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  @Test
  void hashersProduceTheirDigestLengthAndConcatHashersKeepTheKey() {
    byte[] key = {1, 0};
    assertThat(StorageHasher.BLAKE2_128.apply(key)).hasSize(16);
    assertThat(StorageHasher.BLAKE2_256.apply(key)).hasSize(32);
    assertThat(StorageHasher.TWOX_128.apply(key)).hasSize(16);
    assertThat(StorageHasher.TWOX_256.apply(key)).hasSize(32);
    assertThat(StorageHasher.BLAKE2_128_CONCAT.apply(key)).hasSize(18).endsWith(1, 0);
    assertThat(StorageHasher.TWOX_64_CONCAT.apply(key)).hasSize(10).endsWith(1, 0);
    assertThat(StorageHasher.IDENTITY.apply(key)).containsExactly(1, 0);
  }

  @Test
  void accountIdPrintsAsHexAndComparesByContent() {
    assertThat(ALICE.toString()).isEqualTo("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    assertThat(AccountId.fromHex(ALICE.toString())).isEqualTo(ALICE).hasSameHashCodeAs(ALICE);
    assertThatThrownBy(() -> new AccountId(new byte[31]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void accountIdIsNotChangedThroughTheArraysItWasGivenOrReturned() {
    byte[] raw = new byte[32];
    AccountId account = new AccountId(raw);
    raw[0] = 1;
    account.bytes()[1] = 1;
    assertThat(account.bytes()).isEqualTo(new byte[32]);
  }
}
