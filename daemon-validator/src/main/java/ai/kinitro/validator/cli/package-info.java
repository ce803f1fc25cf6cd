/** Command-line entry points shipped in the validator jar: the queue and relay benchmark. */
package ai.kinitro.validator.cli;
