/** Results (one per assignment), episodes and logged steps, and their REST views. */
package ai.kinitro.backend.result;
