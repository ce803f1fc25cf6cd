/**
 * NumPy-compatible random numbers: {@link ai.kinitro.env.random.SeedSequence} and {@link
 * ai.kinitro.env.random.Pcg64}, so that {@code reset(seed)} draws the same initial state as
 * Gymnasium's {@code env.reset(seed=seed)} (which uses {@code
 * numpy.random.Generator(PCG64(SeedSequence(seed)))}).
 */
package ai.kinitro.env.random;
