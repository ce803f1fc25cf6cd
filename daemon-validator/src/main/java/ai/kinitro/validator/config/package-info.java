/**
 * The validator's settings: one typed, validated {@code @ConfigurationProperties} record per
 * subsystem, with defaults as named constants. Keys and defaults are pinned by {@code
 * ValidatorConfigTest} and documented in {@code installers/systemd/validator.env.example}.
 */
package ai.kinitro.validator.config;
