/** Miner uploads and submissions: their rows, REST views (evaluation status, revealed artifacts) and reruns. */
package ai.kinitro.backend.submission;
