package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sr25519Test {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  private static byte[] scalar(int value) {
    byte[] s = new byte[32];
    s[0] = (byte) value;
    return s;
  }

  @Test
  void ristrettoGeneratorAndItsDoubleMatchRfc9496() {
    assertThat(HEX.formatHex(Ristretto255.multiplyBase(scalar(1))))
        .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
    assertThat(HEX.formatHex(Ristretto255.multiplyBase(scalar(2))))
        .isEqualTo("6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919");
  }

  @Test
  void expandsTheAllZeroMiniSecretToTheReferenceKeyNonceAndPublicKey() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);

    assertThat(HEX.formatHex(pair.secretKey()))
        .isEqualTo("caa835781b15c7706f65b71f7a58c807ab360faed6440fb23e0f4c52e930de0a");
    assertThat(HEX.formatHex(pair.nonce()))
        .isEqualTo("0a6a85eaa642dac835424b5d7c8d637c00408c7a73da672b7f498521420b6dd3");
    assertThat(HEX.formatHex(pair.publicKey()))
        .isEqualTo("def12e42f3e487e9b14095aa8d5cc16a33491f1b50dadcf8811d1480f3fa8627");
  }

  @Test
  void expandsTheRfc8032StyleSeedToTheReferencePublicKey() {
    Sr25519KeyPair pair =
        Sr25519KeyPair.fromMiniSecret(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    assertThat(HEX.formatHex(pair.publicKey()))
        .isEqualTo("44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f");
  }

  @Test
  void expandsAnAsciiDigitSeedToTheReferencePublicKey() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret("12345678901234567890123456789012".getBytes(UTF_8));

    assertThat(HEX.formatHex(pair.publicKey()))
        .isEqualTo("741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63");
  }

  @Test
  void verifiesASignatureProducedByRustSchnorrkel() {
    byte[] publicKey = hex("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    byte[] signature = hex("4e172314444b8f820bb54c22e95076f220ed25373e5c178234aa6c211d292712"
        + "44b947e3ff3418ff6b45fd1df1140c8cbff69fc58ee6dc96df70936a2bb74b82");

    assertThat(Sr25519.verify(publicKey, "this is a message".getBytes(UTF_8), signature)).isTrue();
  }

  @Test
  void rejectsASignatureWithoutTheSchnorrkelMarkerBit() {
    byte[] publicKey = hex("b4bfa1f7a5166695eb75299fd1c4c03ea212871c342f2c5dfea0902b2c246918");
    byte[] signature = hex("5a9755f069939f45d96aaf125cf5ce7ba1db998686f87f2fb3cbdea922078741"
        + "a73891ba265f70c31436e18a9acd14d189d73c12317ab6c313285cd938453202");
    byte[] message = ("Verifying that I am the owner of 5G9hQLdsKQswNPgB499DeA5PkFBbgkLPJWkkS6FAM6xGQ8xD. "
        + "Hash: 221455a3\n").getBytes(UTF_8);

    assertThat(Sr25519.verify(publicKey, message, signature)).isFalse();
  }

  @Test
  void rejectsTheRustSignatureUnderAnotherContext() {
    byte[] publicKey = hex("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    byte[] signature = hex("4e172314444b8f820bb54c22e95076f220ed25373e5c178234aa6c211d292712"
        + "44b947e3ff3418ff6b45fd1df1140c8cbff69fc58ee6dc96df70936a2bb74b82");

    assertThat(Sr25519.verify("kinitro".getBytes(UTF_8), publicKey, "this is a message".getBytes(UTF_8), signature))
        .isFalse();
  }

  @Test
  void signsAThousandRandomMessagesWithRandomKeysAndVerifiesEveryOne() {
    Random random = new Random(20240601L);
    for (int i = 0; i < 1000; i++) {
      byte[] mini = new byte[32];
      random.nextBytes(mini);
      byte[] message = new byte[random.nextInt(301)];
      random.nextBytes(message);
      Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(mini);

      byte[] signature = pair.sign(message);

      assertThat(signature).hasSize(64);
      assertThat(signature[63] & 0x80).isEqualTo(0x80);
      assertThat(Sr25519.verify(pair.publicKey(), message, signature))
          .as("signature %d over %d bytes", i, message.length)
          .isTrue();
    }
  }

  @Test
  void flippingAnyMessageBitBreaksTheSignature() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    byte[] message = "transfer 1 TAO".getBytes(UTF_8);
    byte[] signature = pair.sign(message);
    for (int bit = 0; bit < message.length * 8; bit++) {
      byte[] tampered = message.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Sr25519.verify(pair.publicKey(), tampered, signature)).as("bit %d", bit).isFalse();
    }
  }

  @Test
  void flippingAnySignatureBitBreaksTheSignature() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    byte[] message = "transfer 1 TAO".getBytes(UTF_8);
    byte[] signature = pair.sign(message);
    for (int bit = 0; bit < 512; bit++) {
      byte[] tampered = signature.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Sr25519.verify(pair.publicKey(), message, tampered)).as("bit %d", bit).isFalse();
    }
  }

  @Test
  void aSignatureDoesNotVerifyUnderAnotherKey() {
    Sr25519KeyPair signer = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    Sr25519KeyPair other = Sr25519KeyPair.fromMiniSecret("12345678901234567890123456789012".getBytes(UTF_8));
    byte[] message = "hello".getBytes(UTF_8);

    assertThat(Sr25519.verify(other.publicKey(), message, signer.sign(message))).isFalse();
  }

  @Test
  void verifyReturnsFalseForMalformedKeysAndSignatures() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    byte[] message = "hello".getBytes(UTF_8);
    byte[] signature = pair.sign(message);
    byte[] notAPoint = new byte[32];
    java.util.Arrays.fill(notAPoint, (byte) 0xFF);

    assertThat(Sr25519.verify(new byte[31], message, signature)).isFalse();
    assertThat(Sr25519.verify(notAPoint, message, signature)).isFalse();
    assertThat(Sr25519.verify(pair.publicKey(), message, java.util.Arrays.copyOf(signature, 63))).isFalse();
  }

  @Test
  void rejectsANonCanonicalSEvenWithTheMarkerBit() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    byte[] message = "hello".getBytes(UTF_8);
    byte[] signature = pair.sign(message);
    // s + l has the same value modulo l but is not canonical; it still fits in 255 bits.
    byte[] l = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    byte[] tampered = signature.clone();
    int carry = 0;
    for (int i = 0; i < 32; i++) {
      int s = (i == 31 ? tampered[63] & 0x7F : tampered[32 + i] & 0xFF);
      int sum = s + (l[i] & 0xFF) + carry;
      tampered[32 + i] = (byte) sum;
      carry = sum >>> 8;
    }
    tampered[63] |= (byte) 0x80;

    assertThat(Sr25519.verify(pair.publicKey(), message, tampered)).isFalse();
  }

  @Test
  void signaturesAreRandomisedButSeededRandomnessMakesThemReproducible() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    byte[] message = "hello".getBytes(UTF_8);
    byte[] context = "substrate".getBytes(UTF_8);

    assertThat(pair.sign(message)).isNotEqualTo(pair.sign(message));
    assertThat(pair.sign(context, message, new Random(5))).isEqualTo(pair.sign(context, message, new Random(5)));
  }

  @Test
  void exportsAndImportsTheSixtyFourBytePrivateKey() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);

    byte[] privateKey = pair.privateKey();

    assertThat(HEX.formatHex(privateKey))
        .isEqualTo("caa835781b15c7706f65b71f7a58c807ab360faed6440fb23e0f4c52e930de0a"
            + "0a6a85eaa642dac835424b5d7c8d637c00408c7a73da672b7f498521420b6dd3");
    assertThat(Sr25519KeyPair.fromPrivateKey(privateKey)).isEqualTo(pair);
  }

  @Test
  void rejectsAPrivateKeyOfTheWrongLengthOrWithANonCanonicalScalar() {
    byte[] nonCanonical = new byte[64];
    java.util.Arrays.fill(nonCanonical, 0, 32, (byte) 0xFF);

    assertThatThrownBy(() -> Sr25519KeyPair.fromPrivateKey(new byte[63]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
    assertThatThrownBy(() -> Sr25519KeyPair.fromPrivateKey(nonCanonical))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void rejectsAKeyPairWhosePublicKeyDoesNotMatchTheSecret() {
    Sr25519KeyPair a = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    Sr25519KeyPair b = Sr25519KeyPair.fromMiniSecret("12345678901234567890123456789012".getBytes(UTF_8));

    assertThatThrownBy(() -> new Sr25519KeyPair(a.secretKey(), a.nonce(), b.publicKey()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void rejectsAMiniSecretThatIsNot32Bytes() {
    assertThatThrownBy(() -> Sr25519KeyPair.fromMiniSecret(new byte[31]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void toStringShowsThePublicKeyAndNoSecret() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);

    assertThat(pair.toString())
        .isEqualTo("Sr25519KeyPair[publicKey=0xdef12e42f3e487e9b14095aa8d5cc16a33491f1b50dadcf8811d1480f3fa8627]");
  }

  @Test
  void accessorsReturnCopiesSoCallersCannotAlterTheKey() {
    Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
    pair.secretKey()[0] ^= 1;
    pair.nonce()[0] ^= 1;
    pair.publicKey()[0] ^= 1;

    assertThat(pair).isEqualTo(Sr25519KeyPair.fromMiniSecret(new byte[32]));
  }
}
