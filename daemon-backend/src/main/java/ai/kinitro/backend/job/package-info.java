/** Jobs (submission x benchmark, with their task seeds), per-validator assignments, the status audit trail, REST views and reruns. */
package ai.kinitro.backend.job;
