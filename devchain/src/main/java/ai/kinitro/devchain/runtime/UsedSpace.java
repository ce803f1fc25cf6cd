package ai.kinitro.devchain.runtime;

/** {@code Commitments.UsedSpaceOf}: bytes of commitment budget used in {@code lastEpoch}. */
public record UsedSpace(long lastEpoch, long usedSpace) {}
