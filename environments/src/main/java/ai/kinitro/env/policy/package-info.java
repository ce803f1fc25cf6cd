/** In-process policies: the random baseline and the scripted experts of each task. */
package ai.kinitro.env.policy;
