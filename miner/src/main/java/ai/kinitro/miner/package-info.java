/** The miner's services and the kinitro-miner command line. */
package ai.kinitro.miner;
