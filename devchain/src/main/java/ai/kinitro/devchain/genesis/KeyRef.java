package ai.kinitro.devchain.genesis;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import java.util.Optional;

/**
 * An account named in a genesis file: either a secret URI such as {@code //Bob} (a dev key whose
 * secret is public knowledge, so the dev chain can show where it comes from) or a public SS58
 * address / {@code 0x} public key (an account whose secret lives elsewhere).
 *
 * @param account the account id
 * @param secretUri the secret URI it was derived from, when it was given as one
 */
public record KeyRef(AccountId account, Optional<String> secretUri) {
  public KeyRef {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(secretUri, "secretUri");
  }

  /**
   * Reads {@code text}: a string starting with {@code /} or containing a space is a secret URI
   * (a dev path or a mnemonic with an optional path); {@code 0x} and 64 hex digits is a public key;
   * anything else must be an SS58 address.
   */
  public static KeyRef parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new KinitroException(ErrorCode.DEVCHAIN_GENESIS_INVALID, "a key must not be empty; use a secret URI such as"
          + " //Alice or an SS58 address");
    }
    if (trimmed.startsWith("/") || trimmed.contains(" ")) {
      AccountId account = new AccountId(SecretUri.parse(trimmed).publicKey());
      return new KeyRef(account, Optional.of(trimmed));
    }
    if (trimmed.startsWith("0x")) {
      return new KeyRef(AccountId.fromHex(trimmed), Optional.empty());
    }
    return new KeyRef(new AccountId(Ss58.decodePublicKey(trimmed)), Optional.empty());
  }

  /** The generic-substrate (format 42) SS58 address. */
  public String ss58() {
    return Ss58.encode(account.bytes());
  }

  /** The secret URI when known, else the SS58 address: how a person would name this key. */
  public String label() {
    return secretUri.orElseGet(this::ss58);
  }
}
