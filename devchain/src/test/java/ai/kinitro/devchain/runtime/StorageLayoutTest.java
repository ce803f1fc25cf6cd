package ai.kinitro.devchain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.devchain.genesis.GenesisParser;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered storage sits under the keys chain.md §1.1 verified against a node. */
class StorageLayoutTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final AccountId ALICE =
      AccountId.fromHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private final ChainState state = ChainState.fromGenesis(GenesisParser.defaultGenesis());

  private byte[] value(String keyHex) {
    return StorageLayout.render(state, new byte[32]).get(HEX.parseHex(keyHex)).orElseThrow();
  }

  @Test
  void keysOfUidZeroIsAliceUnderTheVerifiedKey() {
    assertThat(value("658faa385070e074c85bf6b568cf05559f99a2ce711f3a31b2fc05604c93f17901000000"))
        .isEqualTo(ALICE.bytes());
  }

  @Test
  void aliceCommitmentSitsUnderTheVerifiedCommitmentOfKey() {
    state.subnet().putCommitment(ALICE, new CommitmentRegistration(0, 123456,
        List.of(CommitmentData.raw("provider:sub-123:comp-7"))));

    assertThat(HEX.formatHex(value("ca407206ec1ab726b2636c4b145ac287419a60ae8b01e6dcaebd7317e43c69bf0100"
        + "518366b5b1bc7c99d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")))
        .isEqualTo("0000000000000000" + "40e20100" + "04" + "18" + "70726f76696465723a7375622d3132333a636f6d702d37");
  }

  @Test
  void aliceNonceSitsUnderTheWellKnownSystemAccountKey() {
    state.setNonce(ALICE, 7);

    byte[] info = value("26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
        + "de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    assertThat(HEX.formatHex(info, 0, 4)).isEqualTo("07000000");
    assertThat(info).hasSize(56);
  }
}
