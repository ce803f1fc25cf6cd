/** View models of the admin console: state as properties, actions through BackgroundTasks, no controls. */
package ai.kinitro.desktop.admin.viewmodel;
