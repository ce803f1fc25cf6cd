/** Chart data as view models hold it (episode rewards and success), with no chart or control classes. */
package ai.kinitro.desktop.chart.viewmodel;
