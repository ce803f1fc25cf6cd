package ai.kinitro.miner.commit;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.SubmissionCommitment;
import ai.kinitro.miner.wallet.MinerHotkey;
import java.util.Objects;

/**
 * Writes a commitment ({@link SubmissionCommitment}: {@code k1:<competition>:<submission>}, checked
 * before anything is sent). First checks the hotkey has a uid on the subnet (so an unregistered hotkey
 * gets a clear message instead of a pool error), then sends {@code set_commitment} with one Raw
 * field and waits as {@link TxOptions} says. A failed dispatch is thrown with the chain's error
 * code ({@code CHAIN_HOTKEY_NOT_REGISTERED}, {@code CHAIN_COMMITMENT_SPACE_EXCEEDED}, ...).
 */
public final class Committer {
  private final ChainClient chain;

  public Committer(ChainClient chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  public CommitResult commit(MinerHotkey hotkey, int netuid, String commitment, TxOptions options) {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(options, "options");
    String text = SubmissionCommitment.parse(commitment.getBytes(UTF_8)).text();
    AccountId account = new AccountId(hotkey.signer().publicKey());
    if (chain.metagraph(netuid, BlockRef.best()).byHotkey(account).isEmpty()) {
      throw new KinitroException(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED, "the hotkey " + hotkey.ss58()
          + " is not registered on subnet " + netuid + "; register it first (btcli subnet register --netuid " + netuid
          + "), or on the local dev chain use a miner dev key (//Dave, //Eve, //Ferdie)");
    }
    TxResult tx = chain.setCommitment(hotkey.signer(), netuid, text.getBytes(UTF_8), options);
    if (tx.error().isPresent()) {
      TxResult.TxError error = tx.error().get();
      throw new KinitroException(error.code(), "the chain refused the commitment: " + error.pallet() + "."
          + error.name() + " (" + error.message() + ")");
    }
    return new CommitResult(hotkey.ss58(), netuid, text, tx.hash(), tx.status(), tx.blockNumber());
  }
}
