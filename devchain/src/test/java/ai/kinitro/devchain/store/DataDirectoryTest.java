package ai.kinitro.devchain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.node.BlockRecord;
import ai.kinitro.devchain.node.DevNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  private final Genesis genesis = GenesisParser.defaultGenesis();

  private BlockRecord runBlocks(Path dir, int blocks) {
    try (DevNode node = DevNode.open(genesis, DataDirectory.open(dir))) {
      return node.produceBlocks(blocks);
    }
  }

  @Test
  void aReopenedChainResumesAtTheSameHeadWithTheSameStorage(@TempDir Path dir) {
    BlockRecord before = runBlocks(dir, 5);

    try (DevNode node = DevNode.open(genesis, DataDirectory.open(dir))) {
      assertThat(node.head().hash()).isEqualTo(before.hash());
      assertThat(node.head().storage().root()).isEqualTo(before.storage().root());
      assertThat(node.produceBlocks(1).number()).isEqualTo(6);
    }
  }

  @Test
  void aTornSnapshotWriteLeavesThePreviousStateReadable(@TempDir Path dir) throws IOException {
    BlockRecord before = runBlocks(dir, 3);
    // A crash while writing the next snapshot leaves a partial temporary file behind ...
    Files.writeString(dir.resolve(DataDirectory.SNAPSHOT + ".tmp"), "{\"format\": 1, \"genesisH");
    // ... and possibly a header appended for a block whose snapshot never landed, cut mid-record.
    Files.write(dir.resolve(DataDirectory.HEADERS), new byte[DataDirectory.RECORD + 17], StandardOpenOption.APPEND);

    try (DevNode node = DevNode.open(genesis, DataDirectory.open(dir))) {
      assertThat(node.head().hash()).isEqualTo(before.hash());
      assertThat(node.produceBlocks(1).number()).isEqualTo(4);
    }
    try (DevNode node = DevNode.open(genesis, DataDirectory.open(dir))) {
      assertThat(node.head().number()).isEqualTo(4);
    }
  }

  @Test
  void aDirectoryOfAnotherGenesisIsRefused(@TempDir Path dir) {
    runBlocks(dir, 1);
    Genesis other = GenesisParser.parse("{\"netuid\": 2, \"owner\": \"//Alice\"}");

    assertThatThrownBy(() -> DevNode.open(other, DataDirectory.open(dir)))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DEVCHAIN_STATE_UNREADABLE);
          assertThat(e.getMessage()).contains("another --data directory");
        });
  }

  @Test
  void twoChainsCannotShareADirectory(@TempDir Path dir) {
    try (DataDirectory first = DataDirectory.open(dir)) {
      assertThatThrownBy(() -> DataDirectory.open(dir))
          .isInstanceOfSatisfying(KinitroException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVCHAIN_CONFIG_INVALID));
    }
  }
}
