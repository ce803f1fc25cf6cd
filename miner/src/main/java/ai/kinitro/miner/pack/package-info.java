/** Reproducible packaging of an agent folder into {@code submission.tar.gz}. */
package ai.kinitro.miner.pack;
