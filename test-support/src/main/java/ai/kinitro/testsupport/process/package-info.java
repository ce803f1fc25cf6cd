/** Daemons started from their executable jars as real processes, for jar-level tests. */
package ai.kinitro.testsupport.process;
