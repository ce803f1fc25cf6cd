package ai.kinitro.common.wallet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chain.md §5 vector was produced by libsodium through PyNaCl. */
class NaclKeyfileCipherTest {
  private static final HexFormat HEX = HexFormat.of();

  static final String PASSWORD = "test-password-123";
  static final String KEY_HEX = "7a715fed2684712a3f0db36cded56eabca42b148b6a63e4d37655c1629cfa8a5";
  static final byte[] NONCE = HEX.parseHex("000102030405060708090a0b0c0d0e0f1011121314151617");
  static final String PLAINTEXT =
      "{\"secretPhrase\": \"bottom drive obey lake curtain smoke basket hold race lonely fit walk\"}";
  static final String FILE_HEX = "244e41434c000102030405060708090a0b0c0d0e0f1011121314151617f2a33654016b82732fe06b"
      + "30091c57308d8d7eee1ee62e9515bda04888eb339862ff88bab7f58daa6aa51e0ad02183a14c6f6720c68a399cd7eb61c2777ad3"
      + "2144c3b667235be0ae7b3c8ef139675fbd5b11cbb766204b7f13b5dce8f75534034ae927a37b8a5f294b";

  /** Argon2i over 512 MiB takes seconds: derive once for the class. */
  private static byte[] derivedKey;

  @BeforeAll
  static void deriveTheKeyOnce() {
    derivedKey = NaclKeyfileCipher.deriveKey(PASSWORD.toCharArray());
  }

  @Test
  void argon2iWithSensitiveLimitsGivesTheLibsodiumKey() {
    assertThat(HEX.formatHex(derivedKey)).isEqualTo(KEY_HEX);
  }

  @Test
  void decryptsTheLibsodiumFile() {
    byte[] plaintext = NaclKeyfileCipher.decrypt(HEX.parseHex(FILE_HEX), derivedKey);

    assertThat(new String(plaintext, UTF_8)).isEqualTo(PLAINTEXT);
  }

  @Test
  void encryptingWithTheVectorNonceReproducesTheLibsodiumFileByteForByte() {
    byte[] file = NaclKeyfileCipher.encrypt(PLAINTEXT.getBytes(UTF_8), derivedKey, NONCE);

    assertThat(HEX.formatHex(file)).isEqualTo(FILE_HEX);
  }

  @Test
  void encryptingTwiceUsesFreshNoncesAndBothDecrypt() {
    byte[] plaintext = "{\"secretSeed\": null}".getBytes(UTF_8);

    byte[] first = NaclKeyfileCipher.encrypt(plaintext, derivedKey);
    byte[] second = NaclKeyfileCipher.encrypt(plaintext, derivedKey);

    assertThat(first).isNotEqualTo(second);
    assertThat(NaclKeyfileCipher.decrypt(first, derivedKey)).isEqualTo(plaintext);
    assertThat(NaclKeyfileCipher.decrypt(second, derivedKey)).isEqualTo(plaintext);
  }

  @Test
  void anotherKeyIsAWrongPassword() {
    byte[] otherKey = derivedKey.clone();
    otherKey[0] ^= 1;

    assertThatThrownBy(() -> NaclKeyfileCipher.decrypt(HEX.parseHex(FILE_HEX), otherKey))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD));
  }

  @Test
  void aFlippedCiphertextBitFailsTheMac() {
    byte[] file = HEX.parseHex(FILE_HEX);
    file[file.length - 1] ^= 0x01;

    assertThatThrownBy(() -> NaclKeyfileCipher.decrypt(file, derivedKey))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD));
  }

  @Test
  void aFileTooShortForNonceAndMacIsUnsupported() {
    byte[] truncated = Arrays.copyOf(HEX.parseHex(FILE_HEX), 40);

    assertThatThrownBy(() -> NaclKeyfileCipher.decrypt(truncated, derivedKey))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT))
        .hasMessageContaining("truncated");
  }

  @Test
  void recognisesTheMarker() {
    assertThat(NaclKeyfileCipher.isEncrypted(HEX.parseHex(FILE_HEX))).isTrue();
    assertThat(NaclKeyfileCipher.isEncrypted(PLAINTEXT.getBytes(UTF_8))).isFalse();
    assertThat(NaclKeyfileCipher.isEncrypted("$NAC".getBytes(UTF_8))).isFalse();
  }

  static byte[] vectorKey() {
    return HEX.parseHex(KEY_HEX);
  }
}
