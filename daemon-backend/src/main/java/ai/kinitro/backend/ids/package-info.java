/** 64-bit Snowflake-style id generation; the instance id comes from configuration. */
package ai.kinitro.backend.ids;
