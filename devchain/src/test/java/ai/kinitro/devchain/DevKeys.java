package ai.kinitro.devchain;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;

/** The well-known dev keys of the default genesis. */
public final class DevKeys {
  public static final Sr25519KeyPair ALICE = SecretUri.parse("//Alice");
  public static final Sr25519KeyPair BOB = SecretUri.parse("//Bob");
  public static final Sr25519KeyPair CHARLIE = SecretUri.parse("//Charlie");
  public static final Sr25519KeyPair DAVE = SecretUri.parse("//Dave");
  public static final Sr25519KeyPair EVE = SecretUri.parse("//Eve");
  public static final Sr25519KeyPair FERDIE = SecretUri.parse("//Ferdie");
  /** Not in the genesis. */
  public static final Sr25519KeyPair STRANGER = SecretUri.parse("//Stranger");

  private DevKeys() {}

  public static AccountId account(Sr25519KeyPair pair) {
    return new AccountId(pair.publicKey());
  }
}
