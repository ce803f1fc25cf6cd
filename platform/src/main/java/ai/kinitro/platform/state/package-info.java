/**
 * The state directory of the local platform ({@code .kinitro/} by default): {@code state.json}
 * (who runs, pids, ports), the local secrets file (mode 600), logs and each service's data.
 */
package ai.kinitro.platform.state;
