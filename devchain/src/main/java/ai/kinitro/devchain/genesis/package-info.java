/**
 * The dev chain's genesis: the JSON file that names the subnet, its parameters, its owner and its
 * neurons, parsed into {@link ai.kinitro.devchain.genesis.Genesis}. Keys are given as secret URIs
 * (the well-known dev keys {@code //Alice}, {@code //Bob}, ...) or as public SS58 addresses.
 */
package ai.kinitro.devchain.genesis;
