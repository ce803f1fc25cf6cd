package ai.kinitro.devchain.runtime;

/** One stored weight: {@code (uid u16, value u16)} in {@code Weights}. */
public record WeightEntry(int uid, int value) {}
