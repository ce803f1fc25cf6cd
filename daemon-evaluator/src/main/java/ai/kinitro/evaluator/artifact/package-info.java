/**
 * Downloading submission archives through their presigned GET URLs: size and SHA-256 checked
 * against the job while streaming to disk, failures classified as platform faults (the artifact
 * store is down, refused the URL, or served other bytes) or as a full disk. Plain Java: the
 * Kubernetes init container ({@code runtime.kubernetes.PodInit}) uses it too.
 */
package ai.kinitro.evaluator.artifact;
