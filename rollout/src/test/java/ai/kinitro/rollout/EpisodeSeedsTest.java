package ai.kinitro.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpisodeSeedsTest {

  @Test
  void episodeSeedsOfTaskSeedZeroAreTheFirstSplitMix64Outputs() {
    // SplitMix64 seeded with 0 yields e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f.
    assertThat(EpisodeSeeds.episodeSeed(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(EpisodeSeeds.episodeSeed(0, 1)).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(EpisodeSeeds.episodeSeed(0, 2)).isEqualTo(0x06C45D188009454FL);
  }
}
