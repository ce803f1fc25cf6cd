package ai.kinitro.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DerivationTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Sr25519KeyPair DEV_ROOT =
      Sr25519KeyPair.fromMiniSecret(HEX.parseHex("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e"));

  private static String pub(Sr25519KeyPair pair) {
    return HEX.formatHex(pair.publicKey());
  }

  @Test
  void devPhraseRootIsTheSpCoreDevAddressKey() {
    assertThat(pub(DEV_ROOT)).isEqualTo("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
  }

  @Test
  void hardAliceHasTheReferenceMiniSecretAndPublicKey() {
    byte[] mini = Sr25519.hardDeriveMiniSecret(DEV_ROOT, DeriveJunction.hard("Alice").chainCode());

    assertThat(HEX.formatHex(mini)).isEqualTo("e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a");
    assertThat(pub(DEV_ROOT.derive(DeriveJunction.hard("Alice"))))
        .isEqualTo("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  }

  @Test
  void hardBobIsTheWellKnownBobKey() {
    assertThat(pub(DEV_ROOT.derive(DeriveJunction.hard("Bob"))))
        .isEqualTo("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
  }

  @Test
  void hardAliceThenHardStashIsTheAliceStashKey() {
    Sr25519KeyPair stash = DEV_ROOT.derive(DeriveJunction.hard("Alice")).derive(DeriveJunction.hard("stash"));

    assertThat(pub(stash)).isEqualTo("be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f");
  }

  @Test
  void softAliceHasTheReferencePublicKey() {
    assertThat(pub(DEV_ROOT.derive(DeriveJunction.soft("Alice"))))
        .isEqualTo("d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e");
  }

  @Test
  void softDerivationFromThePublicKeyAloneGivesTheSameChild() {
    byte[] chainCode = DeriveJunction.soft("Alice").chainCode();

    assertThat(HEX.formatHex(Sr25519.deriveSoftPublicKey(DEV_ROOT.publicKey(), chainCode)))
        .isEqualTo("d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e");
  }

  @Test
  void softChildKeyIsDeterministicButItsNonceIsRandom() {
    Sr25519KeyPair first = DEV_ROOT.derive(DeriveJunction.soft("Alice"), new Random(1));
    Sr25519KeyPair second = DEV_ROOT.derive(DeriveJunction.soft("Alice"), new Random(2));

    assertThat(first.secretKey()).isEqualTo(second.secretKey());
    assertThat(first.nonce()).isNotEqualTo(second.nonce());
  }

  @Test
  void aSoftChildSignsMessagesThatVerifyUnderItsDerivedPublicKey() {
    Sr25519KeyPair child = DEV_ROOT.derive(DeriveJunction.soft("Alice"));
    byte[] message = {1, 2, 3};

    assertThat(Sr25519.verify(child.publicKey(), message, child.sign(message))).isTrue();
  }

  @Test
  void aNumericJunctionIsEncodedAsALittleEndianU64() {
    byte[] expected = new byte[32];
    expected[0] = 0x2a;
    assertThat(DeriveJunction.hard("42").chainCode()).isEqualTo(expected);
    assertThat(DeriveJunction.soft("18446744073709551615").chainCode())
        .isEqualTo(HEX.parseHex("ffffffffffffffff" + "00".repeat(24)));
  }

  @Test
  void aTextJunctionIsEncodedAsAScaleStringAndZeroPadded() {
    // compact(5) = 0x14, then "Alice" in UTF-8.
    assertThat(DeriveJunction.hard("Alice").chainCode())
        .isEqualTo(HEX.parseHex("14416c696365" + "00".repeat(26)));
  }

  @Test
  void aNumberTooLargeForU64IsEncodedAsText() {
    String code = "18446744073709551616";
    assertThat(DeriveJunction.hard(code).chainCode())
        .isEqualTo(HEX.parseHex("50" + HEX.formatHex(code.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "00".repeat(11)));
  }

  @Test
  void aJunctionLongerThan32BytesIsHashedWithBlake2b256() {
    String code = "a".repeat(40);
    // compact(40) = 0xa0, then forty 'a'; 41 bytes, so hashed.
    byte[] encoded = HEX.parseHex("a0" + "61".repeat(40));

    assertThat(DeriveJunction.hard(code).chainCode()).isEqualTo(Hashing.blake2b256(encoded));
  }

  @Test
  void aThirtyOneCharacterJunctionStillFitsWithoutHashing() {
    // compact(31) = 0x7c; 32 bytes in total, which is not longer than 32, so it is used as is.
    assertThat(DeriveJunction.hard("b".repeat(31)).chainCode()).isEqualTo(HEX.parseHex("7c" + "62".repeat(31)));
  }

  @Test
  void junctionsWithEqualTextAndKindAreEqual() {
    assertThat(DeriveJunction.hard("Alice")).isEqualTo(DeriveJunction.hard("Alice"));
    assertThat(DeriveJunction.hard("Alice")).isNotEqualTo(DeriveJunction.soft("Alice"));
    assertThat(DeriveJunction.hard("Alice").toString()).isEqualTo("DeriveJunction[hard]");
  }

  @Test
  void rejectsAChainCodeThatIsNot32Bytes() {
    assertThatThrownBy(() -> new DeriveJunction(true, new byte[31]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }
}
