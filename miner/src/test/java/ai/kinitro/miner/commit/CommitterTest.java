package ai.kinitro.miner.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.miner.wallet.MinerHotkey;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** commit against the embedded dev chain over a real WebSocket, with the real chain client. */
class CommitterTest {
  private static final int NETUID = 1;
  private static final TxOptions WAIT = TxOptions.DEFAULT.withTimeout(Duration.ofSeconds(30));
  private static DevChain devChain;
  private static ChainClient chain;

  @BeforeAll
  static void start() {
    devChain = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));
    chain = SubstrateChainClient.connect(devChain.url());
  }

  @AfterAll
  static void stop() {
    chain.close();
    devChain.close();
  }

  private static MinerHotkey key(String uri) {
    return Hotkeys.load(new HotkeySpec.DevUri(uri), PasswordSource.none());
  }

  @Test
  void aRegisteredMinerCommitsItsSubmissionAndTheChainHoldsTheText() {
    MinerHotkey dave = key("//Dave");

    CommitResult result = new Committer(chain).commit(dave, NETUID, "k1:7312840000000000001:7312848011234567891", WAIT);

    assertThat(result.status()).isEqualTo(TxResult.Status.IN_BLOCK);
    assertThat(result.block()).isPresent();
    assertThat(chain.commitment(NETUID, new AccountId(dave.signer().publicKey()), BlockRef.best())
        .flatMap(c -> c.firstRawText())).contains("k1:7312840000000000001:7312848011234567891");
    assertThat(chain.commitment(NETUID, new AccountId(dave.signer().publicKey()), BlockRef.best()).orElseThrow().block())
        .isEqualTo(result.block().getAsLong());
  }

  @Test
  void anUnregisteredHotkeyIsRefusedBeforeAnythingIsSent() {
    MinerHotkey stranger = key("//Ferdie//stranger");

    assertThatThrownBy(() -> new Committer(chain).commit(stranger, NETUID, "k1:7312840000000000001:5", WAIT))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED);
          assertThat(e.getMessage()).contains(stranger.ss58()).contains("not registered on subnet 1")
              .contains("btcli subnet register --netuid 1");
        });
    assertThat(chain.commitment(NETUID, new AccountId(stranger.signer().publicKey()), BlockRef.best())).isEmpty();
  }

  @Test
  void aTextThatIsNotAKinitroCommitmentIsRefused() {
    assertThatThrownBy(() -> new Committer(chain).commit(key("//Eve"), NETUID, "{\"provider\":\"S3\"}", WAIT))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMITMENT_MALFORMED));
  }
}
